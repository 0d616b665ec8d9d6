package io.nfvflow.engine.api;

import io.nfvflow.lcm.LcmVariables;
import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.lcm.VnfContext;
import io.nfvflow.lcm.VnfInventory;
import io.nfvflow.vim.VimDrivers;
import io.nfvflow.vim.VnfOnVim;
import java.util.function.BiConsumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The steps of the fake VIM type's models: the driver's apply and remove through the SPI. */
final class FakeSteps implements JavaDelegate {

  private final VnfInventory inventory;
  private final VimDirectory directory;
  private final VimDrivers drivers;
  private final BiConsumer<io.nfvflow.vim.VimDriver, VnfOnVim> step;

  FakeSteps(
      VnfInventory inventory,
      VimDirectory directory,
      VimDrivers drivers,
      BiConsumer<io.nfvflow.vim.VimDriver, VnfOnVim> step) {
    this.inventory = inventory;
    this.directory = directory;
    this.drivers = drivers;
    this.step = step;
  }

  @Override
  public void execute(DelegateExecution execution) {
    VnfContext context = inventory.load(LcmVariables.vnfId(execution));
    step.accept(
        drivers.driver(context.vimType()), context.on(directory.connection(context.vimId())));
  }
}
