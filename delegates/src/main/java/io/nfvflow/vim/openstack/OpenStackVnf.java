package io.nfvflow.vim.openstack;

import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.vim.VimConnection;

/**
 * What an OpenStack step works on: the VIM (secrets in memory only), the VNF and its descriptor.
 *
 * @param vim the VIM the VNF runs on
 * @param vnfId the VNF's id
 * @param descriptor its descriptor, {@code get_input} resolved
 */
record OpenStackVnf(VimConnection vim, String vnfId, VnfDescriptor descriptor) {

  /** The name of the VNF's Heat stack. */
  String stackName() {
    return HeatTemplates.stackName(vnfId);
  }
}
