package io.nfvflow.vim.kubernetes;

import io.nfvflow.lcm.LcmErrors;
import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.lcm.VnfInventory;
import io.nfvflow.vim.VnfOnVim;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Task {@code DeleteDeployments}: deletes the VNF's Deployments, found by label; their ReplicaSets
 * and Pods follow by garbage collection.
 */
@Component
public class DeleteDeploymentsDelegate extends KubernetesStep {

  public DeleteDeploymentsDelegate(
      VnfInventory inventory, VimDirectory directory, KubernetesWorkloads workloads) {
    super(inventory, directory, workloads);
  }

  @Override
  protected void run(DelegateExecution execution, VnfOnVim vnf) {
    LcmErrors.vimCall(() -> workloads.deleteDeployments(vnf));
  }
}
