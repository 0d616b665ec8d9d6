package io.nfvflow.vim.openstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nfvflow.lcm.LcmErrors;
import io.nfvflow.lcm.LcmVariables;
import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.lcm.VnfInventory;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Task {@code ReadStackOutputs}: the management address of each VDU from the stack's {@code
 * mgmt_ip-<vdu>} outputs, stored as a small JSON object (VDU → address; a scaled VDU's addresses as
 * a JSON list text) for {@code ActivateVnf}.
 */
@Component
public class ReadStackOutputsDelegate extends OpenStackStep {

  private static final ObjectMapper JSON = new ObjectMapper();

  public ReadStackOutputsDelegate(
      VnfInventory inventory, VimDirectory directory, HeatStacks stacks) {
    super(inventory, directory, stacks);
  }

  @Override
  protected void run(DelegateExecution execution, OpenStackVnf vnf) throws Exception {
    Map<String, String> addresses = LcmErrors.vimCall(() -> stacks.outputs(vnf.vim(), vnf.vnfId()));
    execution.setVariable(LcmVariables.MGMT_ADDRESSES, JSON.writeValueAsString(addresses));
  }
}
