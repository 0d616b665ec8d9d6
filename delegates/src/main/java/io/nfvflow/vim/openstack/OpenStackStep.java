package io.nfvflow.vim.openstack;

import io.nfvflow.lcm.LcmVariables;
import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.lcm.VnfContext;
import io.nfvflow.lcm.VnfInventory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * A BPMN step on an OpenStack VIM. The process holds only the VNF id; the descriptor and the VIM's
 * secrets are loaded afresh for every run and never become process variables.
 */
abstract class OpenStackStep implements JavaDelegate {

  private final VnfInventory inventory;
  private final VimDirectory directory;
  protected final HeatStacks stacks;

  OpenStackStep(VnfInventory inventory, VimDirectory directory, HeatStacks stacks) {
    this.inventory = inventory;
    this.directory = directory;
    this.stacks = stacks;
  }

  @Override
  public final void execute(DelegateExecution execution) throws Exception {
    VnfContext context = inventory.load(LcmVariables.vnfId(execution));
    run(
        execution,
        new OpenStackVnf(
            directory.connection(context.vimId()), context.vnfId(), context.descriptor()));
  }

  /** The step itself; wrap VIM calls in {@link io.nfvflow.lcm.LcmErrors#vimCall}. */
  protected abstract void run(DelegateExecution execution, OpenStackVnf vnf) throws Exception;
}
