package io.nfvflow.vim.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import io.nfvflow.chain.ChainInventory;
import io.nfvflow.chain.ChainPlan;
import io.nfvflow.chain.Realised;
import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.vim.VimConnection;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Task {@code ApplyPortChains}: a port chain per NFP over its port pair groups and flow
 * classifiers; records each chain with the {@code chain_id} networking-sfc gave it (the NFP's path
 * id, or the one it allocated).
 */
@Component
public class ApplyPortChainsDelegate extends SfcStep {

  private final SfcPortChains chains;

  public ApplyPortChainsDelegate(
      ChainInventory inventory, VimDirectory directory, NetworkingSfc sfc, SfcPortChains chains) {
    super(inventory, directory, sfc);
    this.chains = chains;
  }

  @Override
  protected void converge(ChainPlan plan, VimConnection neutron) {
    for (Map.Entry<String, SfcObject> chain : chains.converge(neutron, plan).entrySet()) {
      JsonNode chainId = chain.getValue().json().path("chain_id");
      inventory.recordRealised(
          plan.vnffgId(),
          new Realised(
              Realised.Kind.PORT_CHAIN,
              chain.getKey(),
              chain.getValue().id(),
              chainId.canConvertToInt() ? chainId.asInt() : null));
    }
  }
}
