package io.nfvflow.vim.openstack;

import io.nfvflow.chain.ChainInventory;
import io.nfvflow.lcm.VimDirectory;
import org.springframework.stereotype.Component;

/**
 * Task {@code DeletePortChains}: deletes the VNFFG's port chains, first of the removal steps:
 * nothing else can go while a chain holds it.
 */
@Component
public class DeletePortChainsDelegate extends SfcRemovalStep {

  public DeletePortChainsDelegate(
      ChainInventory inventory, VimDirectory directory, NetworkingSfc sfc) {
    super(inventory, directory, sfc, SfcKind.PORT_CHAIN);
  }
}
