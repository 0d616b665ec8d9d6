package io.nfvflow.vim.kubernetes;

import io.nfvflow.lcm.LcmErrors;
import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.lcm.VnfInventory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Task {@code ApplyConfigMaps}: one ConfigMap per container that has a {@code config}; already
 * existing ones of this VNF are kept.
 */
@Component
public class ApplyConfigMapsDelegate extends KubernetesStep {

  public ApplyConfigMapsDelegate(
      VnfInventory inventory, VimDirectory directory, KubernetesWorkloads workloads) {
    super(inventory, directory, workloads);
  }

  @Override
  protected void run(DelegateExecution execution, KubernetesVnf vnf) {
    LcmErrors.vimCall(() -> workloads.createConfigMaps(vnf));
  }
}
