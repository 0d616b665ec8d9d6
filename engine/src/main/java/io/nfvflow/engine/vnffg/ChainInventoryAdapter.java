package io.nfvflow.engine.vnffg;

import io.nfvflow.chain.ChainException;
import io.nfvflow.chain.ChainInventory;
import io.nfvflow.chain.ChainPlan;
import io.nfvflow.chain.Realised;
import io.nfvflow.engine.tacker.JsonColumns;
import io.nfvflow.engine.vnf.VnfEntity;
import io.nfvflow.engine.vnf.VnfRepository;
import io.nfvflow.tosca.vnffg.ForwardingPath;
import io.nfvflow.tosca.vnffg.Hop;
import io.nfvflow.tosca.vnffg.VnffgDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The engine side of {@link ChainInventory}: plans from the VNFFG's rows and its VNFs' state. */
@Component
class ChainInventoryAdapter implements ChainInventory {

  private final VnffgRepository vnffgs;
  private final NfpRepository nfps;
  private final ClassifierRepository classifiers;
  private final VnfRepository vnfs;
  private final VnffgDescriptors descriptors;
  private final ChainHops hops;

  ChainInventoryAdapter(
      VnffgRepository vnffgs,
      NfpRepository nfps,
      ClassifierRepository classifiers,
      VnfRepository vnfs,
      VnffgDescriptors descriptors,
      ChainHops hops) {
    this.vnffgs = vnffgs;
    this.nfps = nfps;
    this.classifiers = classifiers;
    this.vnfs = vnfs;
    this.descriptors = descriptors;
    this.hops = hops;
  }

  @Override
  @Transactional(readOnly = true)
  public ChainPlan plan(String vnffgId) {
    VnffgEntity vnffg = vnffg(vnffgId);
    VnffgDescriptor descriptor = descriptors.of(vnffg);
    Map<String, String> mapping = JsonColumns.stringMap(vnffg.vnfMapping);
    List<ChainPlan.Path> paths = new ArrayList<>();
    for (NfpEntity nfp : nfps.findByVnffgIdOrderByPosition(vnffgId)) {
      ForwardingPath fp = descriptor.paths().get(nfp.position);
      List<ChainPlan.Group> groups = new ArrayList<>();
      for (int i = 0; i < fp.hops().size(); i++) {
        Hop hop = fp.hops().get(i);
        groups.add(
            hops.group(
                i,
                hop,
                mapped(mapping, hop.forwarder()),
                hop.sfcEncap() ? fp.correlation() : null));
      }
      List<ChainPlan.Classifier> wanted = new ArrayList<>();
      for (ClassifierEntity c : classifiers.findByNfpIdOrderByPosition(nfp.id)) {
        wanted.add(
            new ChainPlan.Classifier(c.id, c.name, fp.classifiers().get(c.position).match()));
      }
      paths.add(
          new ChainPlan.Path(
              nfp.id,
              nfp.name,
              nfp.pathId != null ? nfp.pathId : nfp.requestedPathId,
              nfp.symmetrical,
              fp.correlation(),
              groups,
              wanted));
    }
    return new ChainPlan(vnffg.id, vnffg.name, vnffg.neutronVimId, paths);
  }

  @Override
  @Transactional(readOnly = true)
  public List<ChainPlan> plansWithout(String vnfId, java.util.Set<String> instanceIds) {
    List<ChainPlan> plans = new ArrayList<>();
    for (VnffgEntity vnffg : vnffgs.chaining(vnfId)) {
      ChainPlan plan;
      try {
        plan = plan(vnffg.id);
      } catch (ChainException e) {
        continue;
      }
      plans.add(plan.without(vnfId, instanceIds));
    }
    return plans;
  }

  @Override
  @Transactional(readOnly = true)
  public String neutronVimId(String vnffgId) {
    return vnffg(vnffgId).neutronVimId;
  }

  @Override
  @Transactional
  public void recordRealised(String vnffgId, Realised realised) {
    switch (realised.kind()) {
      case PORT_CHAIN ->
          nfps.findById(realised.ownerId())
              .ifPresent(
                  nfp -> {
                    nfp.portChainId = realised.neutronId();
                    nfp.pathId = realised.chainId();
                  });
      case FLOW_CLASSIFIER ->
          classifiers
              .findById(realised.ownerId())
              .ifPresent(c -> c.flowClassifierId = realised.neutronId());
    }
  }

  @Override
  @Transactional
  public void recordGroups(ChainPlan realised) {
    for (ChainPlan.Path path : realised.paths()) {
      nfps.findById(path.nfpId()).ifPresent(nfp -> nfp.chain = JsonColumns.write(chainView(path)));
    }
  }

  /** The SFC's {@code chain} as the API shows it: per VNF its ports, per instance a pair. */
  static List<Map<String, Object>> chainView(ChainPlan.Path path) {
    List<Map<String, Object>> chain = new ArrayList<>();
    for (ChainPlan.Group g : path.groups()) {
      Map<String, Object> hop = new LinkedHashMap<>();
      hop.put("name", g.vnfName());
      hop.put("vnf_id", g.vnfId());
      List<String> ports = new ArrayList<>();
      List<Map<String, Object>> pairs = new ArrayList<>();
      for (ChainPlan.Pair p : g.pairs()) {
        ports.add(p.ingressPort());
        if (!p.egressPort().equals(p.ingressPort())) {
          ports.add(p.egressPort());
        }
        Map<String, Object> pair = new LinkedHashMap<>();
        pair.put("instance", p.instanceName());
        pair.put("ingress", p.ingressPort());
        pair.put("egress", p.egressPort());
        pairs.add(pair);
      }
      hop.put("connection_points", ports);
      hop.put("port_pairs", pairs);
      // a group may be empty for a moment: a heal's only instance released before it is replaced
      hop.put("sfc_encap", g.pairs().stream().anyMatch(p -> p.correlation() != null));
      chain.add(hop);
    }
    return chain;
  }

  private VnfEntity mapped(Map<String, String> mapping, String vnfd) {
    String vnfId = mapping.get(vnfd);
    if (vnfId == null) {
      throw new ChainException("the VNF mapping has no VNF for VNFD " + vnfd);
    }
    return vnfs.findById(vnfId)
        .orElseThrow(
            () -> new ChainException("VNF %s mapped to VNFD %s is gone".formatted(vnfId, vnfd)));
  }

  private VnffgEntity vnffg(String id) {
    return vnffgs
        .findById(id)
        .orElseThrow(() -> new IllegalStateException("VNFFG " + id + " does not exist"));
  }
}
