package io.nfvflow.vim.openstack;

import io.nfvflow.chain.ChainInventory;
import io.nfvflow.lcm.VimDirectory;
import org.springframework.stereotype.Component;

/**
 * Task {@code DeletePortPairGroups}: deletes the VNFFG's port pair groups (after its port chains).
 */
@Component
public class DeletePortPairGroupsDelegate extends SfcRemovalStep {

  public DeletePortPairGroupsDelegate(
      ChainInventory inventory, VimDirectory directory, NetworkingSfc sfc) {
    super(inventory, directory, sfc, SfcKind.PORT_PAIR_GROUP);
  }
}
