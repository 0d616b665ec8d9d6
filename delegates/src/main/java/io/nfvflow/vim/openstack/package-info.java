/** The OpenStack VIM: Heat stacks for VM VNFs, networking-sfc objects for VNFFGs. */
package io.nfvflow.vim.openstack;
