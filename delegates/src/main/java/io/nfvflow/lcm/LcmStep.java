package io.nfvflow.lcm;

import io.nfvflow.vim.VimDriver;
import io.nfvflow.vim.VimDrivers;
import io.nfvflow.vim.VnfOnVim;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * A generic step that reaches the VNF's VIM through the {@link VimDriver} SPI, whatever its type.
 */
abstract class LcmStep extends VnfStep {

  private final VimDrivers drivers;

  LcmStep(VnfInventory inventory, VimDirectory directory, VimDrivers drivers) {
    super(inventory, directory);
    this.drivers = drivers;
  }

  @Override
  protected final void run(DelegateExecution execution, VnfOnVim vnf) throws Exception {
    run(execution, drivers.driver(vnf.vim().type()), vnf);
  }

  /** The step itself; wrap VIM calls in {@link LcmErrors#vimCall}. */
  protected abstract void run(DelegateExecution execution, VimDriver driver, VnfOnVim vnf)
      throws Exception;
}
