package io.nfvflow.vim.kubernetes;

import io.nfvflow.lcm.LcmErrors;
import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.lcm.VnfInventory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Task {@code ApplyServices}: one Service per container VDU that maps ports; already existing ones
 * of this VNF are kept.
 */
@Component
public class ApplyServicesDelegate extends KubernetesStep {

  public ApplyServicesDelegate(
      VnfInventory inventory, VimDirectory directory, KubernetesWorkloads workloads) {
    super(inventory, directory, workloads);
  }

  @Override
  protected void run(DelegateExecution execution, KubernetesVnf vnf) {
    LcmErrors.vimCall(() -> workloads.createServices(vnf));
  }
}
