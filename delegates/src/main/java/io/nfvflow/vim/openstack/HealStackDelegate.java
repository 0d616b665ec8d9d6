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
 * Task {@code UpdateStack} of {@code vnf-heal-openstack}: updates the VNF's Heat stack with its
 * desired parameters, every time, so that Heat replaces what {@code MarkServersUnhealthy} marked (a
 * missing stack is created afresh). Heat's own timeout is the workflow's {@code readyTimeout}; the
 * {@code vnf-wait} that follows sees the stack UPDATE_IN_PROGRESS until the replacements are done.
 */
@Component
public class HealStackDelegate extends OpenStackStep {

  public HealStackDelegate(VnfInventory inventory, VimDirectory directory, OpenStackDriver driver) {
    super(inventory, directory, driver);
  }

  @Override
  protected void run(DelegateExecution execution, VnfOnVim vnf) {
    try {
      LcmErrors.vimCall(() -> driver.heal(vnf, LcmVariables.readyTimeout(execution)));
    } catch (ToscaException e) {
      // the descriptor will not change by retrying
      throw new BpmnError(LcmErrors.INVALID_DESCRIPTOR, e.getMessage());
    }
  }
}
