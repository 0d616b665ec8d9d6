package io.nfvflow.vim.openstack;

import io.nfvflow.lcm.LcmErrors;
import io.nfvflow.lcm.LcmVariables;
import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.lcm.VnfInventory;
import io.nfvflow.vim.openstack.StackStatus.Phase;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Task {@code CheckStackDeleted}: one poll of the workflow's deletion wait. Sets {@code gone} and
 * the next {@code pollDelay} (doubled, capped).
 *
 * <p>DELETE_FAILED is not a BPMN error: a terminate has no way back, only forward once the cause (a
 * stuck port, a volume in use) is fixed. So the step deletes the stack again and then fails with
 * Heat's reason: the job executor retries it, and every retry — automatic, or an operator's retry
 * of the incident — checks the outcome of a fresh delete instead of the old failure.
 */
@Component
public class CheckStackDeletedDelegate extends OpenStackStep {

  public CheckStackDeletedDelegate(
      VnfInventory inventory, VimDirectory directory, HeatStacks stacks) {
    super(inventory, directory, stacks);
  }

  @Override
  protected void run(DelegateExecution execution, OpenStackVnf vnf) {
    StackStatus status = LcmErrors.vimCall(() -> stacks.deleteStatus(vnf.vim(), vnf.vnfId()));
    if (status.phase() == Phase.FAILED) {
      LcmErrors.vimCall(() -> stacks.delete(vnf.vim(), vnf.vnfId()));
      throw new IllegalStateException(
          "Heat stack %s %s (deleting it again; retry to check)"
              .formatted(status.stack(), status.describe()));
    }
    execution.setVariable(LcmVariables.GONE, status.phase() == Phase.GONE);
    PollBackoff.next(execution);
  }
}
