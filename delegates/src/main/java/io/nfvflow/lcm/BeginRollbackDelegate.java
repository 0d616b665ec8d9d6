package io.nfvflow.lcm;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task {@code BeginRollback}: the operation failed with the reason a boundary event caught; its
 * desired state goes back to what it was before (a scale: the previous level), so that converging
 * the VIM again undoes it.
 */
@Component
public class BeginRollbackDelegate implements JavaDelegate {

  private final VnfInventory inventory;

  public BeginRollbackDelegate(VnfInventory inventory) {
    this.inventory = inventory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    inventory.beginRollback(
        LcmVariables.operationId(execution), LcmVariables.errorMessage(execution));
  }
}
