package io.nfvflow.vim.kubernetes;

import io.nfvflow.lcm.LcmErrors;
import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.lcm.VnfInventory;
import io.nfvflow.vim.VnfOnVim;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Task {@code ApplyDeployments}: converges one Deployment per container VDU (pod template as the
 * descriptor says, replicas = the VNF's desired instances, set through the scale subresource) and
 * deletes the VNF's Deployments of VDUs that are gone.
 */
@Component
public class ApplyDeploymentsDelegate extends KubernetesStep {

  public ApplyDeploymentsDelegate(
      VnfInventory inventory, VimDirectory directory, KubernetesWorkloads workloads) {
    super(inventory, directory, workloads);
  }

  @Override
  protected void run(DelegateExecution execution, VnfOnVim vnf) {
    LcmErrors.vimCall(() -> workloads.applyDeployments(vnf));
  }
}
