package io.nfvflow.vim.kubernetes;

import io.nfvflow.lcm.LcmErrors;
import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.lcm.VnfInventory;
import io.nfvflow.vim.VnfOnVim;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Task {@code ApplyAutoscalers}: converges one HorizontalPodAutoscaler per VDU a scaling policy
 * targets (floor = the desired instances, so a manual scale sticks; see {@link KubernetesDriver})
 * and deletes the VNF's other autoscalers.
 */
@Component
public class ApplyAutoscalersDelegate extends KubernetesStep {

  public ApplyAutoscalersDelegate(
      VnfInventory inventory, VimDirectory directory, KubernetesWorkloads workloads) {
    super(inventory, directory, workloads);
  }

  @Override
  protected void run(DelegateExecution execution, VnfOnVim vnf) {
    LcmErrors.vimCall(() -> workloads.applyAutoscalers(vnf));
  }
}
