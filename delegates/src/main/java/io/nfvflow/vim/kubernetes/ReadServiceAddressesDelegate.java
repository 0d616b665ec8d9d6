package io.nfvflow.vim.kubernetes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nfvflow.lcm.LcmErrors;
import io.nfvflow.lcm.LcmVariables;
import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.lcm.VnfInventory;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Task {@code ReadServiceAddresses}: the management address of each VDU is its Service's cluster
 * IP; stored as a small JSON object (VDU → IP) for {@code ActivateVnf}.
 */
@Component
public class ReadServiceAddressesDelegate extends KubernetesStep {

  private static final ObjectMapper JSON = new ObjectMapper();

  public ReadServiceAddressesDelegate(
      VnfInventory inventory, VimDirectory directory, KubernetesWorkloads workloads) {
    super(inventory, directory, workloads);
  }

  @Override
  protected void run(DelegateExecution execution, KubernetesVnf vnf) throws Exception {
    Map<String, String> addresses = LcmErrors.vimCall(() -> workloads.serviceAddresses(vnf));
    execution.setVariable(LcmVariables.MGMT_ADDRESSES, JSON.writeValueAsString(addresses));
  }
}
