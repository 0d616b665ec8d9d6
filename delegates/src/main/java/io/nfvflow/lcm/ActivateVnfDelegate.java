package io.nfvflow.lcm;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task {@code ActivateVnf}: the VNF is ACTIVE, with the management addresses the VIM steps found.
 */
@Component
public class ActivateVnfDelegate implements JavaDelegate {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final VnfInventory inventory;

  public ActivateVnfDelegate(VnfInventory inventory) {
    this.inventory = inventory;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    Map<String, String> addresses =
        JSON.readValue(LcmVariables.mgmtAddresses(execution), new TypeReference<>() {});
    inventory.markActive(
        LcmVariables.vnfId(execution), LcmVariables.operationId(execution), addresses);
  }
}
