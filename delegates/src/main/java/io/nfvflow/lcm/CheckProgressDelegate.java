package io.nfvflow.lcm;

import io.nfvflow.vim.Progress;
import io.nfvflow.vim.VimDriver;
import io.nfvflow.vim.VimDrivers;
import io.nfvflow.vim.VnfOnVim;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Task {@code CheckProgress} of {@code vnf-wait}: one look at the VNF relative to the wait's {@code
 * goal}. Sets {@code done}, {@code progress} (what is pending) and the next {@code pollDelay} by
 * the VIM type's cadence; a VNF that can never reach the goal (a pod that cannot start, a failed
 * stack) ends the wait at once with the driver's BPMN error code and reason.
 */
@Component
public class CheckProgressDelegate extends LcmStep {

  public CheckProgressDelegate(VnfInventory inventory, VimDirectory directory, VimDrivers drivers) {
    super(inventory, directory, drivers);
  }

  @Override
  protected void run(DelegateExecution execution, VimDriver driver, VnfOnVim vnf) {
    Progress progress = LcmErrors.vimCall(() -> driver.progress(vnf, LcmVariables.goal(execution)));
    if (progress.failed()) {
      throw new BpmnError(progress.failureCode(), progress.detail());
    }
    execution.setVariable(LcmVariables.DONE, progress.done());
    execution.setVariable(LcmVariables.PROGRESS, progress.detail());
    execution.setVariable(
        LcmVariables.POLL_DELAY,
        driver.cadence().next(LcmVariables.pollDelay(execution)).toString());
  }
}
