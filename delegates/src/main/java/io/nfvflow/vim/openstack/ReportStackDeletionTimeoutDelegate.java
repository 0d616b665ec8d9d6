package io.nfvflow.vim.openstack;

import io.nfvflow.lcm.LcmErrors;
import io.nfvflow.lcm.LcmVariables;
import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.lcm.VnfInventory;
import io.nfvflow.vim.openstack.StackStatus.Phase;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Task {@code ReportStackDeletionTimeout}: the stack was not gone within the timeout. While it
 * exists the step fails with a plain exception naming its state, so the job becomes an incident an
 * operator sees and retries (a terminate has nothing to roll back to); once it is gone the flow
 * goes on.
 */
@Component
public class ReportStackDeletionTimeoutDelegate extends OpenStackStep {

  public ReportStackDeletionTimeoutDelegate(
      VnfInventory inventory, VimDirectory directory, HeatStacks stacks) {
    super(inventory, directory, stacks);
  }

  @Override
  protected void run(DelegateExecution execution, OpenStackVnf vnf) {
    StackStatus status = LcmErrors.vimCall(() -> stacks.deleteStatus(vnf.vim(), vnf.vnfId()));
    if (status.phase() != Phase.GONE) {
      throw new IllegalStateException(
          "Heat stack %s still %s after %s; fix the cause in the cloud, then retry this step"
              .formatted(status.stack(), status.describe(), LcmVariables.readyTimeout(execution)));
    }
  }
}
