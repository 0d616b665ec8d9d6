package io.nfvflow.vim.openstack;

import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.lcm.VnfInventory;
import io.nfvflow.lcm.VnfStep;

/** A BPMN step on an OpenStack VIM (see {@link VnfStep}). */
abstract class OpenStackStep extends VnfStep {

  protected final OpenStackDriver driver;

  OpenStackStep(VnfInventory inventory, VimDirectory directory, OpenStackDriver driver) {
    super(inventory, directory);
    this.driver = driver;
  }
}
