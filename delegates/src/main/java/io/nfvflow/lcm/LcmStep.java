package io.nfvflow.lcm;

import io.nfvflow.vim.VimDriver;
import io.nfvflow.vim.VimDrivers;
import io.nfvflow.vim.VnfOnVim;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * A generic step that reaches the VNF's VIM through the {@link VimDriver} SPI, whatever its type.
 * The process holds only the VNF id; the descriptor, the desired scale and the VIM's secrets are
 * loaded for every run and never become process variables.
 */
abstract class LcmStep implements JavaDelegate {

  protected final VnfInventory inventory;
  private final VimDirectory directory;
  private final VimDrivers drivers;

  LcmStep(VnfInventory inventory, VimDirectory directory, VimDrivers drivers) {
    this.inventory = inventory;
    this.directory = directory;
    this.drivers = drivers;
  }

  @Override
  public final void execute(DelegateExecution execution) throws Exception {
    VnfContext context = inventory.load(LcmVariables.vnfId(execution));
    run(
        execution,
        drivers.driver(context.vimType()),
        context.on(directory.connection(context.vimId())));
  }

  /** The step itself; wrap VIM calls in {@link LcmErrors#vimCall}. */
  protected abstract void run(DelegateExecution execution, VimDriver driver, VnfOnVim vnf)
      throws Exception;
}
