package io.nfvflow.vim.openstack;

import io.nfvflow.chain.ChainInventory;
import io.nfvflow.lcm.VimDirectory;
import org.springframework.stereotype.Component;

/**
 * Task {@code DeleteFlowClassifiers}: deletes the VNFFG's flow classifiers (after its port chains).
 */
@Component
public class DeleteFlowClassifiersDelegate extends SfcRemovalStep {

  public DeleteFlowClassifiersDelegate(
      ChainInventory inventory, VimDirectory directory, NetworkingSfc sfc) {
    super(inventory, directory, sfc, SfcKind.FLOW_CLASSIFIER);
  }
}
