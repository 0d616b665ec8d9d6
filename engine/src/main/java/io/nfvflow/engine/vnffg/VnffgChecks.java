package io.nfvflow.engine.vnffg;

import io.nfvflow.engine.tacker.JsonColumns;
import io.nfvflow.engine.tacker.TackerException;
import io.nfvflow.engine.vim.VimRegistry;
import io.nfvflow.engine.vnf.VnfDescriptors;
import io.nfvflow.engine.vnf.VnfEntity;
import io.nfvflow.engine.vnf.VnfRepository;
import io.nfvflow.engine.vnfd.VnfdCatalogue;
import io.nfvflow.lcm.VnfStatus;
import io.nfvflow.tosca.ConnectionPoint;
import io.nfvflow.tosca.VmVdu;
import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.tosca.vnffg.Classifier;
import io.nfvflow.tosca.vnffg.ForwardingPath;
import io.nfvflow.tosca.vnffg.Hop;
import io.nfvflow.tosca.vnffg.VnffgDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Everything a VNFFG's request is checked against before anything is written: its VNF mapping (each
 * constituent VNFD mapped to one ACTIVE VNF of that VNFD), the chained connection points (present,
 * port security off on VMs), the Neutron that holds every port, ports and path ids other VNFFGs
 * hold. Every problem is reported: 400 for the request's own, then 409 for conflicts with the
 * inventory.
 */
@Component
class VnffgChecks {

  private final VnfRepository vnfs;
  private final VnfDescriptors descriptors;
  private final VnfdCatalogue vnfds;
  private final VimRegistry vims;
  private final VnffgRepository vnffgs;
  private final NfpRepository nfps;
  private final VnffgDescriptors vnffgDescriptors;

  VnffgChecks(
      VnfRepository vnfs,
      VnfDescriptors descriptors,
      VnfdCatalogue vnfds,
      VimRegistry vims,
      VnffgRepository vnffgs,
      NfpRepository nfps,
      VnffgDescriptors vnffgDescriptors) {
    this.vnfs = vnfs;
    this.descriptors = descriptors;
    this.vnfds = vnfds;
    this.vims = vims;
    this.vnffgs = vnffgs;
    this.nfps = nfps;
    this.vnffgDescriptors = vnffgDescriptors;
  }

  /**
   * @param mapping VNFD name → VNF id or name
   * @param vnfNames VNFD name → VNF name
   * @param neutronVimId the OpenStack VIM whose Neutron holds every port
   */
  record Resolved(Map<String, String> mapping, Map<String, String> vnfNames, String neutronVimId) {}

  /**
   * @param self the VNFFG being updated (its own ports and path ids are no conflict), or null
   * @param requested VNFD name → VNF id or name; null or missing entries: the only VNF of the VNFD
   */
  Resolved resolve(
      VnffgEntity self,
      VnffgDescriptor descriptor,
      Map<String, String> requested,
      boolean symmetrical) {
    List<String> invalid = new ArrayList<>();
    List<String> conflicts = new ArrayList<>();
    Map<String, String> wanted = requested == null ? Map.of() : requested;
    wanted.keySet().stream()
        .filter(k -> !descriptor.constituentVnfds().contains(k))
        .forEach(
            k ->
                invalid.add(
                    "vnf_mapping: '%s' is not a constituent VNFD of the VNFFGD (%s)"
                        .formatted(k, String.join(", ", descriptor.constituentVnfds()))));
    Map<String, VnfEntity> mapped = new LinkedHashMap<>();
    for (String vnfd : descriptor.constituentVnfds()) {
      map(vnfd, wanted.get(vnfd), invalid).ifPresent(vnf -> mapped.put(vnfd, vnf));
    }
    Map<String, List<String>> byNeutron = new TreeMap<>();
    for (Map.Entry<String, VnfEntity> e : mapped.entrySet()) {
      VnfEntity vnf = e.getValue();
      if (vnf.status() != VnfStatus.ACTIVE) {
        conflicts.add("VNF %s is %s; a chain needs it ACTIVE".formatted(vnf.name(), vnf.status()));
      }
      Optional<String> neutron = vims.neutronOf(vnf.vimId());
      if (neutron.isEmpty()) {
        conflicts.add(
            ("VNF %s runs on VIM %s, which names no Neutron for its pods' ports: register it with"
                    + " neutron_vim_id")
                .formatted(vnf.name(), vnf.vimId()));
      } else {
        byNeutron.computeIfAbsent(neutron.get(), k -> new ArrayList<>()).add(vnf.name());
      }
    }
    for (ForwardingPath fp : descriptor.paths()) {
      for (Hop hop : fp.hops()) {
        VnfEntity vnf = mapped.get(hop.forwarder());
        if (vnf != null) {
          checkCp(fp, hop.ingress(), vnf, invalid);
          if (!hop.egress().equals(hop.ingress())) {
            checkCp(fp, hop.egress(), vnf, invalid);
          }
        }
      }
      if (symmetrical && !fp.symmetrical()) {
        for (Classifier c : fp.classifiers()) {
          if (c.match().logicalDestinationPort() == null
              || c.match().destinationIpPrefix() == null) {
            invalid.add(
                ("symmetrical: path %s's classifier %s has no network_dst_port_id and"
                        + " ip_dst_prefix, which a symmetrical chain needs")
                    .formatted(fp.name(), c.name() == null ? "(unnamed)" : c.name()));
          }
        }
      }
    }
    if (!invalid.isEmpty()) {
      throw TackerException.badRequest("VnffgInvalidRequest", String.join("; ", invalid));
    }
    if (byNeutron.size() > 1) {
      List<String> parts = new ArrayList<>();
      byNeutron.forEach((vim, names) -> parts.add(String.join(", ", names) + " in VIM " + vim));
      conflicts.add(
          "the mapped VNFs' ports live in different Neutrons (%s); a chain needs one"
              .formatted(String.join("; ", parts)));
    }
    otherChains(self, descriptor, mapped, conflicts);
    if (!conflicts.isEmpty()) {
      throw TackerException.conflict("VnffgConflict", String.join("; ", conflicts));
    }
    Map<String, String> ids = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    mapped.forEach(
        (vnfd, vnf) -> {
          ids.put(vnfd, vnf.id());
          names.put(vnfd, vnf.name());
        });
    return new Resolved(ids, names, byNeutron.keySet().iterator().next());
  }

  private Optional<VnfEntity> map(String vnfd, String requested, List<String> invalid) {
    if (requested != null) {
      Optional<VnfEntity> vnf = vnfs.findById(requested).or(() -> vnfs.findByName(requested));
      if (vnf.isEmpty()) {
        invalid.add("vnf_mapping.%s: there is no VNF '%s'".formatted(vnfd, requested));
        return Optional.empty();
      }
      String actual = vnfdName(vnf.get());
      if (!vnfd.equals(actual)) {
        invalid.add(
            "vnf_mapping.%s: VNF %s is an instance of VNFD %s, not %s"
                .formatted(vnfd, vnf.get().name(), actual, vnfd));
        return Optional.empty();
      }
      return vnf;
    }
    List<VnfEntity> candidates =
        vnfs.findAll().stream().filter(v -> vnfd.equals(vnfdName(v))).toList();
    if (candidates.size() == 1) {
      return Optional.of(candidates.get(0));
    }
    invalid.add(
        candidates.isEmpty()
            ? "vnf_mapping.%s: no VNF of VNFD %s exists; create one or map another"
                .formatted(vnfd, vnfd)
            : "vnf_mapping.%s: several VNFs of VNFD %s exist (%s); name one"
                .formatted(
                    vnfd,
                    vnfd,
                    String.join(", ", candidates.stream().map(VnfEntity::name).toList())));
    return Optional.empty();
  }

  private String vnfdName(VnfEntity vnf) {
    try {
      return vnfds.find(vnf.vnfdId()).getName();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private void checkCp(ForwardingPath fp, String cpName, VnfEntity vnf, List<String> invalid) {
    VnfDescriptor descriptor = descriptors.of(vnf);
    Optional<ConnectionPoint> cp = ChainHops.cp(descriptor, cpName);
    if (cp.isEmpty()) {
      invalid.add(
          "path %s: VNF %s's descriptor has no connection point %s"
              .formatted(fp.name(), vnf.name(), cpName));
      return;
    }
    boolean vm =
        descriptor.vdus().stream()
            .anyMatch(v -> v instanceof VmVdu && v.name().equals(cp.get().vdu()));
    if (vm && !Boolean.FALSE.equals(cp.get().antiSpoofingProtection())) {
      invalid.add(
          ("path %s: connection point %s of VNF %s has port security on; a chained port must pass"
                  + " traffic addressed to others: set anti_spoofing_protection: false on it")
              .formatted(fp.name(), cpName, vnf.name()));
    }
  }

  /** Ports another VNFFG chains already, and path ids another VNFFG holds. */
  private void otherChains(
      VnffgEntity self,
      VnffgDescriptor descriptor,
      Map<String, VnfEntity> mapped,
      List<String> conflicts) {
    Map<String, String> wantedPorts = new LinkedHashMap<>();
    for (ForwardingPath fp : descriptor.paths()) {
      for (Hop hop : fp.hops()) {
        VnfEntity vnf = mapped.get(hop.forwarder());
        if (vnf != null) {
          String port = vnf.name() + "'s " + hop.ingress();
          if (wantedPorts.put(vnf.id() + "/" + hop.ingress(), port) != null) {
            conflicts.add(
                ("two forwarding paths pass VNF %s; networking-sfc keeps a port in one port pair"
                        + " group, so each path needs its own connection points")
                    .formatted(port));
          }
        }
      }
    }
    for (VnffgEntity other : vnffgs.findAll()) {
      if (self != null && other.id.equals(self.id)) {
        continue;
      }
      Map<String, String> otherMapping = JsonColumns.stringMap(other.vnfMapping);
      try {
        VnffgDescriptor theirs = vnffgDescriptors.of(other);
        overlaps(descriptor, theirs, other.name, conflicts);
        for (ForwardingPath fp : theirs.paths()) {
          for (Hop hop : fp.hops()) {
            String key = otherMapping.get(hop.forwarder()) + "/" + hop.ingress();
            if (wantedPorts.containsKey(key)) {
              conflicts.add(
                  ("VNF %s is chained by VNFFG %s already; networking-sfc keeps a port in one port"
                          + " pair group")
                      .formatted(wantedPorts.get(key), other.name));
            }
          }
        }
      } catch (RuntimeException e) {
        // a VNFFG whose descriptor cannot be read chains nothing new
      }
      for (NfpEntity nfp : nfps.findByVnffgIdOrderByPosition(other.id)) {
        for (ForwardingPath fp : descriptor.paths()) {
          Integer id = fp.pathId();
          if (id != null && (id.equals(nfp.pathId) || id.equals(nfp.requestedPathId))) {
            conflicts.add(
                "path %s: path id %d is used by path %s of VNFFG %s"
                    .formatted(fp.name(), id, nfp.name, other.name));
          }
        }
      }
    }
  }

  /**
   * Classifiers that overlap another VNFFG's: networking-sfc refuses a port chain whose flow
   * classifier overlaps one of another port chain in ethertype, protocol, prefixes and port ranges,
   * whatever their logical ports ({@code PortChainFlowClassifierInConflict}).
   */
  private static void overlaps(
      VnffgDescriptor ours, VnffgDescriptor theirs, String other, List<String> conflicts) {
    for (ForwardingPath fp : ours.paths()) {
      for (Classifier c : fp.classifiers()) {
        for (ForwardingPath tp : theirs.paths()) {
          for (Classifier t : tp.classifiers()) {
            if (io.nfvflow.tosca.vnffg.FlowConflicts.basic(c.match(), t.match())) {
              conflicts.add(
                  ("path %s: classifier %s overlaps classifier %s of VNFFG %s (ethertype,"
                          + " protocol, prefixes and port ranges); networking-sfc refuses"
                          + " overlapping flow classifiers in different port chains")
                      .formatted(fp.name(), label(c), label(t), other));
            }
          }
        }
      }
    }
  }

  private static String label(Classifier c) {
    return c.name() == null ? "(unnamed)" : c.name();
  }
}
