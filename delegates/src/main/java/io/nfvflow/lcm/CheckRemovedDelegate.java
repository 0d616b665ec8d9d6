package io.nfvflow.lcm;

import io.nfvflow.vim.Progress;
import io.nfvflow.vim.VimDriver;
import io.nfvflow.vim.VimDrivers;
import io.nfvflow.vim.VnfOnVim;
import io.nfvflow.vim.WaitGoal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Task {@code CheckRemoved}: a removal's wait timed out. While VIM objects are left it fails with a
 * plain exception naming them, so the job becomes an incident an operator sees and retries (a
 * removal has nothing to roll back to); once they are gone the flow goes on.
 */
@Component
public class CheckRemovedDelegate extends LcmStep {

  public CheckRemovedDelegate(VnfInventory inventory, VimDirectory directory, VimDrivers drivers) {
    super(inventory, directory, drivers);
  }

  @Override
  protected void run(DelegateExecution execution, VimDriver driver, VnfOnVim vnf) {
    Progress progress = LcmErrors.vimCall(() -> driver.progress(vnf, WaitGoal.GONE));
    if (!progress.done()) {
      throw new IllegalStateException(
          "not removed %s after removal was requested: %s (look for finalizers, a stuck"
                  .formatted(LcmVariables.readyTimeout(execution), progress.detail())
              + " controller or a DELETE_FAILED stack, then retry this step)");
    }
  }
}
