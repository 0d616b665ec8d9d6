package io.nfvflow.vim.openstack;

import io.nfvflow.chain.ChainInventory;
import io.nfvflow.chain.ChainPlan;
import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.vim.VimConnection;
import org.springframework.stereotype.Component;

/**
 * Task {@code ApplyPortPairs}: a port pair per instance (pod, server) of every hop, with the
 * instance's ingress and egress ports.
 */
@Component
public class ApplyPortPairsDelegate extends SfcStep {

  private final SfcPortPairs pairs;

  public ApplyPortPairsDelegate(
      ChainInventory inventory, VimDirectory directory, NetworkingSfc sfc, SfcPortPairs pairs) {
    super(inventory, directory, sfc);
    this.pairs = pairs;
  }

  @Override
  protected void converge(ChainPlan plan, VimConnection neutron) {
    pairs.converge(neutron, plan);
  }
}
