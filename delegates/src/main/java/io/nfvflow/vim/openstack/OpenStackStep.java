package io.nfvflow.vim.openstack;

import io.nfvflow.lcm.LcmVariables;
import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.lcm.VnfContext;
import io.nfvflow.lcm.VnfInventory;
import io.nfvflow.vim.VnfOnVim;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * A BPMN step on an OpenStack VIM. The process holds only the VNF id; the descriptor, the desired
 * scale and the VIM's secrets are loaded afresh for every run and never become process variables.
 */
abstract class OpenStackStep implements JavaDelegate {

  private final VnfInventory inventory;
  private final VimDirectory directory;
  protected final OpenStackDriver driver;

  OpenStackStep(VnfInventory inventory, VimDirectory directory, OpenStackDriver driver) {
    this.inventory = inventory;
    this.directory = directory;
    this.driver = driver;
  }

  @Override
  public final void execute(DelegateExecution execution) throws Exception {
    VnfContext context = inventory.load(LcmVariables.vnfId(execution));
    run(execution, context.on(directory.connection(context.vimId())));
  }

  /** The step itself; wrap VIM calls in {@link io.nfvflow.lcm.LcmErrors#vimCall}. */
  protected abstract void run(DelegateExecution execution, VnfOnVim vnf) throws Exception;
}
