package io.nfvflow.lcm;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task {@code CompleteOperation}: the operation succeeded. COMPLETED, and the VNF ACTIVE (after a
 * terminate the VNF leaves the inventory); the end event of the operation's type.
 */
@Component
public class CompleteOperationDelegate implements JavaDelegate {

  private final VnfInventory inventory;

  public CompleteOperationDelegate(VnfInventory inventory) {
    this.inventory = inventory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    inventory.complete(LcmVariables.operationId(execution));
  }
}
