package io.nfvflow.lcm;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task {@code CompleteRollback}: the VIM is back where it was: ROLLED_BACK, the VNF ACTIVE. */
@Component
public class CompleteRollbackDelegate implements JavaDelegate {

  private final VnfInventory inventory;

  public CompleteRollbackDelegate(VnfInventory inventory) {
    this.inventory = inventory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    inventory.completeRollback(LcmVariables.operationId(execution));
  }
}
