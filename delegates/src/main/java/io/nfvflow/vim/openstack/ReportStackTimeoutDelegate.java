package io.nfvflow.vim.openstack;

import io.nfvflow.lcm.LcmErrors;
import io.nfvflow.lcm.LcmVariables;
import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.lcm.VnfInventory;
import io.nfvflow.vim.VimException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Task {@code ReportStackTimeout}: the stack wait ran out. Fails with {@link
 * LcmErrors#READY_TIMEOUT} naming the stack and the status it is stuck in.
 */
@Component
public class ReportStackTimeoutDelegate extends OpenStackStep {

  public ReportStackTimeoutDelegate(
      VnfInventory inventory, VimDirectory directory, HeatStacks stacks) {
    super(inventory, directory, stacks);
  }

  @Override
  protected void run(DelegateExecution execution, OpenStackVnf vnf) {
    String status;
    try {
      status = stacks.status(vnf.vim(), vnf.vnfId()).describe();
    } catch (VimException e) {
      // the timeout is the news; a VIM that cannot say more must not turn it into an incident
      status = "unknown (the VIM could not say: " + e.getMessage() + ")";
    }
    throw new BpmnError(
        LcmErrors.READY_TIMEOUT,
        "stack %s still %s after %s"
            .formatted(vnf.stackName(), status, LcmVariables.readyTimeout(execution)));
  }
}
