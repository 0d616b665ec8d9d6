package io.nfvflow.vim.openstack;

import io.nfvflow.lcm.LcmErrors;
import io.nfvflow.lcm.LcmVariables;
import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.lcm.VnfInventory;
import io.nfvflow.vim.openstack.StackStatus.Phase;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Task {@code CheckStackCreated}: one poll of the workflow's stack wait. Sets {@code ready} and the
 * next {@code pollDelay} (doubled, capped). CREATE_FAILED ends the wait at once with {@link
 * LcmErrors#STACK_FAILED} and Heat's reason; so does a stack that vanished.
 */
@Component
public class CheckStackCreatedDelegate extends OpenStackStep {

  public CheckStackCreatedDelegate(
      VnfInventory inventory, VimDirectory directory, HeatStacks stacks) {
    super(inventory, directory, stacks);
  }

  @Override
  protected void run(DelegateExecution execution, OpenStackVnf vnf) {
    StackStatus status = LcmErrors.vimCall(() -> stacks.status(vnf.vim(), vnf.vnfId()));
    if (status.phase() == Phase.FAILED) {
      throw new BpmnError(
          LcmErrors.STACK_FAILED, "Heat stack " + status.stack() + " " + status.describe());
    }
    if (status.phase() == Phase.GONE) {
      throw new BpmnError(
          LcmErrors.STACK_FAILED,
          "Heat stack " + status.stack() + " does not exist (deleted outside nfvflow?)");
    }
    execution.setVariable(LcmVariables.READY, status.phase() == Phase.COMPLETE);
    PollBackoff.next(execution);
  }
}
