package io.nfvflow.vim.openstack;

import io.nfvflow.chain.ChainException;
import io.nfvflow.chain.ChainInventory;
import io.nfvflow.chain.ChainPlan;
import io.nfvflow.chain.ChainPlan.Classifier;
import io.nfvflow.chain.ChainPlan.Group;
import io.nfvflow.chain.ChainPlan.Pair;
import io.nfvflow.chain.ChainPlan.Path;
import io.nfvflow.chain.Realised;
import io.nfvflow.tosca.vnffg.FlowMatch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plans for the networking-sfc step tests, and a VNFFG inventory that holds one plan. */
final class SfcFixtures {

  static final String VNFFG = "3f6c2a1e-9b7d-4c5e-8a2f-1d0e9c8b7a6f";
  static final String NFP = "5d2e8f1a-0c3b-4a6d-9e7f-2b1c0d9e8f7a";
  static final String NFP2 = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
  static final String SOURCE = "0688501c-bb27-44b6-97fa-1452943449fa";

  /** TCP to port 80 of 10.0.0.0/24 from the source port. */
  static final FlowMatch HTTP =
      new FlowMatch("IPv4", "tcp", null, null, 80, 80, null, "10.0.0.0/24", SOURCE, null);

  /** VNF1's first instance: two ports, MPLS. */
  static final Pair A1 = pair("vdu1-a", "port-a-in", "port-a-out", "mpls");

  static final Pair A2 = pair("vdu1-b", "port-b-in", "port-b-out", "mpls");
  static final Pair A3 = pair("vdu1-c", "port-c-in", "port-c-out", "mpls");

  /** VNF2's pod: one port, no SFC encapsulation. */
  static final Pair B1 = pair("pod-b", "port-pod", "port-pod", null);

  private SfcFixtures() {}

  static Pair pair(String instance, String ingress, String egress, String correlation) {
    return new Pair("id-" + instance, instance, ingress, egress, correlation);
  }

  static Group group(int index, String vnf, Pair... pairs) {
    return new Group(index, "id-" + vnf, vnf, List.of(pairs));
  }

  static Classifier classifier(String id, FlowMatch match) {
    return new Classifier(id, "block_" + id, match);
  }

  /** NFP 51, symmetric, MPLS: VNF1 (A1, A2) then VNF2 (B1), classifier c1 on {@link #HTTP}. */
  static Path path() {
    return path(List.of(group(0, "vnf1", A1, A2), group(1, "vnf2", B1)), HTTP);
  }

  static Path path(List<Group> groups, FlowMatch match) {
    return new Path(
        NFP, "Forwarding_path1", 51, true, "mpls", groups, List.of(classifier("c1", match)));
  }

  /** A second NFP: VNF3's one pair, classifier c2 on UDP 53. */
  static Path secondPath() {
    FlowMatch dns = new FlowMatch("IPv4", "udp", null, null, 53, 53, null, null, SOURCE, null);
    return new Path(
        NFP2,
        "Forwarding_path2",
        null,
        false,
        null,
        List.of(group(0, "vnf3", pair("vdu3", "port-d-in", "port-d-out", "mpls"))),
        List.of(classifier("c2", dns)));
  }

  static ChainPlan plan(Path... paths) {
    return new ChainPlan(VNFFG, "vnffg1", "vim-os", List.of(paths));
  }

  /** Holds the plan a test sets; {@code null} plays a VNFFG whose plan cannot be computed. */
  static final class Inventory implements ChainInventory {

    ChainPlan plan;
    final Map<String, Realised> realised = new LinkedHashMap<>();

    /** The plans port pair group steps recorded as realised, in order. */
    final List<ChainPlan> groups = new java.util.ArrayList<>();

    @Override
    public ChainPlan plan(String vnffgId) {
      if (plan == null) {
        throw new ChainException("VNF vnf1 has no port for CP11");
      }
      return plan;
    }

    @Override
    public String neutronVimId(String vnffgId) {
      return "vim-os";
    }

    @Override
    public List<ChainPlan> plansWithout(String vnfId, java.util.Set<String> instanceIds) {
      return plan == null ? List.of() : List.of(plan.without(vnfId, instanceIds));
    }

    @Override
    public void recordRealised(String vnffgId, Realised r) {
      realised.put(r.kind() + " " + r.ownerId(), r);
    }

    @Override
    public void recordGroups(ChainPlan realised) {
      groups.add(realised);
    }
  }
}
