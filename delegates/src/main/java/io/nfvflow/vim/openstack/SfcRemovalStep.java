package io.nfvflow.vim.openstack;

import io.nfvflow.chain.ChainInventory;
import io.nfvflow.chain.ChainPlan;
import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.vim.VimConnection;

/**
 * A removal step: deletes every object of one kind that carries the VNFFG's owner marker (one gone
 * already is fine). Needs no plan, so a VNFFG whose plan cannot be computed any more can still be
 * removed.
 */
abstract class SfcRemovalStep extends SfcStep {

  private final SfcKind kind;

  SfcRemovalStep(
      ChainInventory inventory, VimDirectory directory, NetworkingSfc sfc, SfcKind kind) {
    super(inventory, directory, sfc);
    this.kind = kind;
  }

  @Override
  protected final boolean needsPlan() {
    return false;
  }

  @Override
  protected final void converge(ChainPlan plan, VimConnection neutron) {
    for (SfcObject object : sfc.owned(neutron, kind, plan.vnffgId())) {
      sfc.delete(neutron, object);
    }
  }
}
