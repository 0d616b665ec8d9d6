package io.nfvflow.lcm;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task {@code RemoveVnf}: the VNF's resources are gone, so the VNF leaves the inventory. */
@Component
public class RemoveVnfDelegate implements JavaDelegate {

  private final VnfInventory inventory;

  public RemoveVnfDelegate(VnfInventory inventory) {
    this.inventory = inventory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    inventory.markDeleted(LcmVariables.vnfId(execution), LcmVariables.operationId(execution));
  }
}
