package io.nfvflow.vim.kubernetes;

import io.nfvflow.lcm.LcmErrors;
import io.nfvflow.lcm.LcmVariables;
import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.lcm.VnfInventory;
import io.nfvflow.vim.VimException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Task {@code ReportReadyTimeout}: the readiness wait ran out. Fails with {@link
 * LcmErrors#READY_TIMEOUT} and says what is still not ready, so the operator sees more than "timed
 * out".
 */
@Component
public class ReportReadyTimeoutDelegate extends KubernetesStep {

  public ReportReadyTimeoutDelegate(
      VnfInventory inventory, VimDirectory directory, KubernetesWorkloads workloads) {
    super(inventory, directory, workloads);
  }

  @Override
  protected void run(DelegateExecution execution, KubernetesVnf vnf) {
    String what;
    try {
      what = workloads.readiness(vnf).describe();
    } catch (VimException e) {
      // the timeout is the news; a VIM that cannot say why must not turn it into an incident
      what = "workloads are not ready (the VIM could not say why: " + e.getMessage() + ")";
    }
    throw new BpmnError(
        LcmErrors.READY_TIMEOUT, what + " after " + LcmVariables.readyTimeout(execution));
  }
}
