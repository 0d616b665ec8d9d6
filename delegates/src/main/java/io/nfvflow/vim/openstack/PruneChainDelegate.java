package io.nfvflow.vim.openstack;

import io.nfvflow.chain.ChainInventory;
import io.nfvflow.chain.ChainPlan;
import io.nfvflow.lcm.VimDirectory;
import io.nfvflow.vim.VimConnection;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Task {@code PruneChain}: deletes the VNFFG's objects that the plan no longer wants, holders
 * before what they hold (networking-sfc refuses to delete what is in use): port chains, then flow
 * classifiers, port pair groups, port pairs. One that something still holds is left, with a
 * warning.
 */
@Component
public class PruneChainDelegate extends SfcStep {

  private static final Logger LOG = LoggerFactory.getLogger(PruneChainDelegate.class);

  private static final List<SfcKind> ORDER =
      List.of(
          SfcKind.PORT_CHAIN, SfcKind.FLOW_CLASSIFIER, SfcKind.PORT_PAIR_GROUP, SfcKind.PORT_PAIR);

  public PruneChainDelegate(ChainInventory inventory, VimDirectory directory, NetworkingSfc sfc) {
    super(inventory, directory, sfc);
  }

  @Override
  protected void converge(ChainPlan plan, VimConnection neutron) {
    Map<SfcKind, List<SfcObject>> left = new EnumMap<>(SfcKind.class);
    for (SfcKind kind : ORDER) {
      Set<String> wanted = SfcBodies.names(plan, kind);
      Set<String> held = new HashSet<>();
      left.getOrDefault(kind.holder(), List.of())
          .forEach(h -> held.addAll(h.ids(kind.collection())));
      List<SfcObject> kept = new ArrayList<>();
      for (SfcObject object : sfc.list(neutron, kind)) {
        if (!object.ownedBy(plan.vnffgId()) || wanted.contains(object.name())) {
          kept.add(object);
        } else if (held.contains(object.id())) {
          LOG.warn("VNFFG {}: {} is still in use; not pruned", plan.vnffgId(), object.describe());
          kept.add(object);
        } else {
          sfc.delete(neutron, object);
        }
      }
      left.put(kind, kept);
    }
  }
}
