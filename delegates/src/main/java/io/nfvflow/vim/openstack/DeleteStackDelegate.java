package io.nfvflow.vim.openstack;

import io.nfvflow.lcm.LcmErrors;
import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.lcm.VnfInventory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Task {@code DeleteStack}: starts deleting the VNF's Heat stack (none is fine; one in
 * DELETE_FAILED is deleted again) and starts the poll backoff ({@code pollDelay} = {@code
 * pollInterval}), so a rollback after a long create wait does not inherit its long delay.
 */
@Component
public class DeleteStackDelegate extends OpenStackStep {

  public DeleteStackDelegate(VnfInventory inventory, VimDirectory directory, HeatStacks stacks) {
    super(inventory, directory, stacks);
  }

  @Override
  protected void run(DelegateExecution execution, OpenStackVnf vnf) {
    LcmErrors.vimCall(() -> stacks.delete(vnf.vim(), vnf.vnfId()));
  }
}
