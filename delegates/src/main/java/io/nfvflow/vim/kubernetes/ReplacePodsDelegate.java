package io.nfvflow.vim.kubernetes;

import io.nfvflow.lcm.HealTarget;
import io.nfvflow.lcm.LcmErrors;
import io.nfvflow.lcm.LcmVariables;
import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.lcm.VnfInventory;
import io.nfvflow.vim.VnfOnVim;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Task {@code ReplacePods} of {@code vnf-heal-kubernetes}: deletes the pods the heal selected (its
 * first step chose and stored them), so that their ReplicaSets start replacements; the apply and
 * the wait that follow converge the rest. A pod already gone is fine, and a re-run never deletes a
 * replacement (see {@link KubernetesWorkloads#replacePods}).
 */
@Component
public class ReplacePodsDelegate extends KubernetesStep {

  public ReplacePodsDelegate(
      VnfInventory inventory, VimDirectory directory, KubernetesWorkloads workloads) {
    super(inventory, directory, workloads);
  }

  @Override
  protected void run(DelegateExecution execution, VnfOnVim vnf) {
    String operationId = LcmVariables.operationId(execution);
    HealTarget target = inventory.healTarget(operationId);
    if (target.selected() == null) {
      // the workflow selects before it replaces: a model that does not is broken
      throw new IllegalStateException(
          "heal operation " + operationId + " has no selected instances yet");
    }
    LcmErrors.vimCall(() -> workloads.replacePods(vnf, target.selected()));
  }
}
