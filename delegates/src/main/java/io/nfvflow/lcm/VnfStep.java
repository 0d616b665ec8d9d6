package io.nfvflow.lcm;

import io.nfvflow.vim.VnfOnVim;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * A BPMN step that works on one VNF on its VIM: the base of the generic steps and of every VIM
 * type's steps. The process holds only the VNF id; the descriptor, the desired scale and the VIM's
 * secrets are loaded for every run and never become process variables.
 */
public abstract class VnfStep implements JavaDelegate {

  protected final VnfInventory inventory;
  private final VimDirectory directory;

  protected VnfStep(VnfInventory inventory, VimDirectory directory) {
    this.inventory = inventory;
    this.directory = directory;
  }

  @Override
  public final void execute(DelegateExecution execution) throws Exception {
    VnfContext context = inventory.load(LcmVariables.vnfId(execution));
    run(execution, context.on(directory.connection(context.vimId())));
  }

  /**
   * The step itself; wrap VIM calls in {@link LcmErrors#vimCall}.
   *
   * @param vnf the VNF with its VIM connection (whose {@code type()} is the VIM type)
   */
  protected abstract void run(DelegateExecution execution, VnfOnVim vnf) throws Exception;
}
