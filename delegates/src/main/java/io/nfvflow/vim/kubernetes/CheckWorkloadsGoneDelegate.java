package io.nfvflow.vim.kubernetes;

import io.nfvflow.lcm.LcmErrors;
import io.nfvflow.lcm.LcmVariables;
import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.lcm.VnfInventory;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Task {@code CheckWorkloadsGone}: one poll of the workflow's deletion loop. Sets {@code gone} once
 * no labelled Deployment, ReplicaSet, Pod, Service, ConfigMap or autoscaler is left (pods take
 * their grace period to go).
 */
@Component
public class CheckWorkloadsGoneDelegate extends KubernetesStep {

  public CheckWorkloadsGoneDelegate(
      VnfInventory inventory, VimDirectory directory, KubernetesWorkloads workloads) {
    super(inventory, directory, workloads);
  }

  @Override
  protected void run(DelegateExecution execution, KubernetesVnf vnf) {
    List<String> remaining = LcmErrors.vimCall(() -> workloads.remaining(vnf));
    execution.setVariable(LcmVariables.GONE, remaining.isEmpty());
  }
}
