/** The OpenStack VIM: Heat templates for VM VNFs, and the driver that deploys them. */
package io.nfvflow.vim.openstack;
