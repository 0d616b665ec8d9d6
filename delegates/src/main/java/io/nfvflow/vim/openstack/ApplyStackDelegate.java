package io.nfvflow.vim.openstack;

import io.nfvflow.lcm.LcmErrors;
import io.nfvflow.lcm.LcmVariables;
import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.lcm.VnfInventory;
import io.nfvflow.tosca.ToscaException;
import io.nfvflow.vim.VnfOnVim;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Task {@code ApplyStack}: converges the VNF's Heat stack to its desired state (creates it, or
 * updates the scaling groups' sizes; a retry after a crash sends nothing new). Heat's own timeout
 * is the workflow's {@code readyTimeout}, so a stuck stack ends FAILED with a readable reason.
 */
@Component
public class ApplyStackDelegate extends OpenStackStep {

  public ApplyStackDelegate(
      VnfInventory inventory, VimDirectory directory, OpenStackDriver driver) {
    super(inventory, directory, driver);
  }

  @Override
  protected void run(DelegateExecution execution, VnfOnVim vnf) {
    try {
      LcmErrors.vimCall(() -> driver.apply(vnf, LcmVariables.readyTimeout(execution)));
    } catch (ToscaException e) {
      // the descriptor will not change by retrying
      throw new BpmnError(LcmErrors.INVALID_DESCRIPTOR, e.getMessage());
    }
  }
}
