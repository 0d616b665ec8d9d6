package io.nfvflow.vim.openstack;

import io.nfvflow.chain.ChainInventory;
import io.nfvflow.lcm.VimDirectory;
import org.springframework.stereotype.Component;

/** Task {@code DeletePortPairs}: deletes the VNFFG's port pairs (after its port pair groups). */
@Component
public class DeletePortPairsDelegate extends SfcRemovalStep {

  public DeletePortPairsDelegate(
      ChainInventory inventory, VimDirectory directory, NetworkingSfc sfc) {
    super(inventory, directory, sfc, SfcKind.PORT_PAIR);
  }
}
