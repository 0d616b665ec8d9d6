package io.nfvflow.lcm;

import io.nfvflow.vim.VimDriver;
import io.nfvflow.vim.VimDrivers;
import io.nfvflow.vim.VnfOnVim;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Task {@code RecordInstances}: reads the VNF's instances (pods, servers), their addresses and
 * ports from the VIM and stores them as its instantiated state; {@code mgmt_ip_address} follows.
 */
@Component
public class RecordInstancesDelegate extends LcmStep {

  public RecordInstancesDelegate(
      VnfInventory inventory, VimDirectory directory, VimDrivers drivers) {
    super(inventory, directory, drivers);
  }

  @Override
  protected void run(DelegateExecution execution, VimDriver driver, VnfOnVim vnf) {
    inventory.recordInstances(vnf.vnfId(), LcmErrors.vimCall(() -> driver.observe(vnf)));
  }
}
