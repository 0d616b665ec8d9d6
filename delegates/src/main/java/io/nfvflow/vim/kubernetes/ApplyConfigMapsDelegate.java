package io.nfvflow.vim.kubernetes;

import io.nfvflow.lcm.LcmErrors;
import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.lcm.VnfInventory;
import io.nfvflow.vim.VnfOnVim;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Task {@code ApplyConfigMaps}: converges one ConfigMap per container that has a {@code config} and
 * deletes the VNF's other ConfigMaps.
 */
@Component
public class ApplyConfigMapsDelegate extends KubernetesStep {

  public ApplyConfigMapsDelegate(
      VnfInventory inventory, VimDirectory directory, KubernetesWorkloads workloads) {
    super(inventory, directory, workloads);
  }

  @Override
  protected void run(DelegateExecution execution, VnfOnVim vnf) {
    LcmErrors.vimCall(() -> workloads.applyConfigMaps(vnf));
  }
}
