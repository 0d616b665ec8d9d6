package io.nfvflow.vim.kubernetes;

import io.nfvflow.lcm.LcmErrors;
import io.nfvflow.lcm.LcmVariables;
import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.lcm.VnfInventory;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Task {@code ReportRemovalTimeout}: removal took longer than the timeout. While objects are left
 * it fails with a plain exception naming them, so the job becomes an incident an operator can see
 * and retry (a terminate has nothing to roll back to); once they are gone it lets the flow go on.
 */
@Component
public class ReportRemovalTimeoutDelegate extends KubernetesStep {

  public ReportRemovalTimeoutDelegate(
      VnfInventory inventory, VimDirectory directory, KubernetesWorkloads workloads) {
    super(inventory, directory, workloads);
  }

  @Override
  protected void run(DelegateExecution execution, KubernetesVnf vnf) {
    List<String> remaining = LcmErrors.vimCall(() -> workloads.remaining(vnf));
    if (!remaining.isEmpty()) {
      throw new IllegalStateException(
          "still present %s after removal was requested: %s (look for finalizers or a stuck"
                  .formatted(LcmVariables.readyTimeout(execution), String.join(", ", remaining))
              + " controller, then retry this step)");
    }
  }
}
