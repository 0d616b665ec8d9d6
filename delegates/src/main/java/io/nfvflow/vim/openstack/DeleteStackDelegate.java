package io.nfvflow.vim.openstack;

import io.nfvflow.lcm.LcmErrors;
import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.lcm.VnfInventory;
import io.nfvflow.vim.VnfOnVim;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Task {@code DeleteStack}: starts deleting the VNF's Heat stack (none is fine; one in
 * DELETE_FAILED is deleted again). Needs no descriptor, so a VNF whose descriptor cannot be read
 * any more can still be removed.
 */
@Component
public class DeleteStackDelegate extends OpenStackStep {

  public DeleteStackDelegate(
      VnfInventory inventory, VimDirectory directory, OpenStackDriver driver) {
    super(inventory, directory, driver);
  }

  @Override
  protected void run(DelegateExecution execution, VnfOnVim vnf) {
    LcmErrors.vimCall(() -> driver.remove(vnf));
  }
}
