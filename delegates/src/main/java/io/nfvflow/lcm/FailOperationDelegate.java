package io.nfvflow.lcm;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task {@code FailOperation}: FAILED, and the VNF ERROR with the reason a boundary event caught.
 */
@Component
public class FailOperationDelegate implements JavaDelegate {

  private final VnfInventory inventory;

  public FailOperationDelegate(VnfInventory inventory) {
    this.inventory = inventory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    inventory.fail(LcmVariables.operationId(execution), LcmVariables.errorMessage(execution));
  }
}
