package io.nfvflow.lcm;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task {@code FailVnf}: the VNF is ERROR with the reason an error boundary event caught. */
@Component
public class FailVnfDelegate implements JavaDelegate {

  private final VnfInventory inventory;

  public FailVnfDelegate(VnfInventory inventory) {
    this.inventory = inventory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    inventory.markFailed(
        LcmVariables.vnfId(execution),
        LcmVariables.operationId(execution),
        LcmVariables.errorMessage(execution));
  }
}
