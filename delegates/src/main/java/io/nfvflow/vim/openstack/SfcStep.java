package io.nfvflow.vim.openstack;

import io.nfvflow.chain.ChainInventory;
import io.nfvflow.chain.ChainPlan;
import io.nfvflow.chain.ChainStep;
import io.nfvflow.lcm.LcmErrors;
import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.vim.VimConnection;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * A BPMN step on a VNFFG's networking-sfc objects (see {@link ChainStep}): networking-sfc's
 * refusals become the BPMN error {@link LcmErrors#VIM_REJECTED} with Neutron's message; failures
 * retrying may fix stay exceptions for the job executor.
 */
abstract class SfcStep extends ChainStep {

  protected final NetworkingSfc sfc;

  SfcStep(ChainInventory inventory, VimDirectory directory, NetworkingSfc sfc) {
    super(inventory, directory);
    this.sfc = sfc;
  }

  @Override
  protected final void run(DelegateExecution execution, ChainPlan plan, VimConnection neutron) {
    LcmErrors.vimCall(() -> converge(plan, neutron));
  }

  /** Makes networking-sfc what the plan says, for this step's kind of object. */
  protected abstract void converge(ChainPlan plan, VimConnection neutron);
}
