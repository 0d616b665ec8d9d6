package io.nfvflow.vim.openstack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nfvflow.chain.ChainInventory;
import io.nfvflow.chain.ChainNames;
import io.nfvflow.chain.ChainPlan;
import io.nfvflow.chain.ChainPlan.Group;
import io.nfvflow.chain.ChainPlan.Path;
import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.vim.VimConnection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Task {@code ApplyPortPairGroups}: a port pair group per hop holding exactly the hop's port pairs.
 * An instance that came or went (scale, heal) changes the group's pairs in place; the port chain is
 * not touched. What the groups now hold is recorded from this step's own plan ({@link
 * ChainInventory#recordGroups}).
 */
@Component
public class ApplyPortPairGroupsDelegate extends SfcStep {

  private final SfcPortPairs pairs;

  public ApplyPortPairGroupsDelegate(
      ChainInventory inventory, VimDirectory directory, NetworkingSfc sfc, SfcPortPairs pairs) {
    super(inventory, directory, sfc);
    this.pairs = pairs;
  }

  @Override
  protected void converge(ChainPlan plan, VimConnection neutron) {
    Map<String, SfcObject> pairsByName = pairs.converge(neutron, plan);
    Map<String, SfcObject> groups =
        SfcObject.byName(sfc.owned(neutron, SfcKind.PORT_PAIR_GROUP, plan.vnffgId()));
    for (Path path : plan.paths()) {
      for (Group group : path.groups()) {
        List<String> pairIds =
            group.pairs().stream()
                .map(p -> ChainNames.portPair(path.nfpId(), group.index(), p.ingressPort()))
                .map(name -> pairsByName.get(name).id())
                .toList();
        SfcObject ppg = groups.get(ChainNames.portPairGroup(path.nfpId(), group.index()));
        ObjectNode wanted = SfcBodies.portPairGroup(plan, path, group, pairIds);
        ObjectNode changes =
            ppg == null ? null : SfcBodies.differences(ppg, wanted, "port_pairs", "description");
        if (ppg == null) {
          sfc.create(neutron, SfcKind.PORT_PAIR_GROUP, wanted);
        } else if (!changes.isEmpty()) {
          sfc.update(neutron, ppg, changes);
        }
      }
    }
    inventory.recordGroups(plan);
  }
}
