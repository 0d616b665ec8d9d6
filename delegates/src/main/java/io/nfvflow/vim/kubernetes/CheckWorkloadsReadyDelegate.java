package io.nfvflow.vim.kubernetes;

import io.nfvflow.lcm.LcmErrors;
import io.nfvflow.lcm.LcmVariables;
import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.lcm.VnfInventory;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Task {@code CheckWorkloadsReady}: one poll of the workflow's readiness loop. Sets {@code ready};
 * a pod that can never become ready (image pull error, crash loop, unschedulable) ends the wait at
 * once with {@link LcmErrors#WORKLOAD_FAILED} instead of running into the timeout.
 */
@Component
public class CheckWorkloadsReadyDelegate extends KubernetesStep {

  public CheckWorkloadsReadyDelegate(
      VnfInventory inventory, VimDirectory directory, KubernetesWorkloads workloads) {
    super(inventory, directory, workloads);
  }

  @Override
  protected void run(DelegateExecution execution, KubernetesVnf vnf) {
    WorkloadStatus status = LcmErrors.vimCall(() -> workloads.readiness(vnf));
    if (status.failure().isPresent()) {
      throw new BpmnError(LcmErrors.WORKLOAD_FAILED, status.failure().get());
    }
    execution.setVariable(LcmVariables.READY, status.ready());
  }
}
