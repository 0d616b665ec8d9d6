package io.nfvflow.chain;

import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.vim.VimConnection;
import java.util.List;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * A BPMN step on one VNFFG's networking-sfc objects. The process holds only the VNFFG id; the plan
 * and the Neutron VIM's secrets are loaded for every run and never become process variables. A plan
 * that cannot be realised ({@link ChainException}) is the BPMN error {@link #CHAIN_INVALID}.
 */
public abstract class ChainStep implements JavaDelegate {

  /** BPMN error code: the VNFFG cannot be realised as it stands (the message says why). */
  public static final String CHAIN_INVALID = "CHAIN_INVALID";

  protected final ChainInventory inventory;
  private final VimDirectory directory;

  protected ChainStep(ChainInventory inventory, VimDirectory directory) {
    this.inventory = inventory;
    this.directory = directory;
  }

  @Override
  public final void execute(DelegateExecution execution) throws Exception {
    String vnffgId = ChainVariables.vnffgId(execution);
    ChainPlan plan;
    try {
      plan =
          needsPlan()
              ? inventory.plan(vnffgId)
              : new ChainPlan(vnffgId, null, inventory.neutronVimId(vnffgId), List.of());
    } catch (ChainException e) {
      throw new BpmnError(CHAIN_INVALID, e.getMessage());
    }
    run(execution, plan, directory.connection(plan.neutronVimId()));
  }

  /**
   * Whether the step needs the VNFFG's plan. Removal steps do not (they delete what carries the
   * VNFFG's owner marker) and get a plan with only the ids and no paths, so a VNFFG whose plan can
   * no longer be computed can still be removed.
   */
  protected boolean needsPlan() {
    return true;
  }

  /**
   * The step itself; wrap Neutron calls in {@link io.nfvflow.lcm.LcmErrors#vimCall}.
   *
   * @param neutron the OpenStack VIM whose Neutron holds the chain, secrets decrypted
   */
  protected abstract void run(DelegateExecution execution, ChainPlan plan, VimConnection neutron)
      throws Exception;
}
