package io.nfvflow.vim.openstack;

import io.nfvflow.tosca.ConnectionPoint;
import io.nfvflow.tosca.VmVdu;
import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.vim.Observation;
import io.nfvflow.vim.VnfInstance;
import io.nfvflow.vim.openstack.StackServers.NeutronPort;
import io.nfvflow.vim.openstack.StackServers.NovaServer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A VNF's servers and ports as nfvflow records them: one {@link VnfInstance} per server, and each
 * VDU's management address, a list for a VDU in a scaling group (one per member, as Tacker showed
 * scaled VDUs) and a single address otherwise. Pure: the cloud was read before.
 */
final class StackObservation {

  private static final Comparator<VnfInstance> BY_VDU_THEN_NAME =
      Comparator.comparing(VnfInstance::vdu).thenComparing(VnfInstance::name);

  private StackObservation() {}

  static Observation of(
      VnfDescriptor descriptor, List<NovaServer> servers, List<NeutronPort> ports) {
    Map<String, List<NeutronPort>> byServer =
        ports.stream().collect(Collectors.groupingBy(NeutronPort::server));
    List<VnfInstance> instances =
        servers.stream()
            .filter(s -> !s.missing())
            .map(s -> instance(descriptor, s, byServer.getOrDefault(s.id(), List.of())))
            .sorted(BY_VDU_THEN_NAME)
            .toList();
    return new Observation(instances, mgmtAddresses(descriptor, instances, ports));
  }

  private static VnfInstance instance(
      VnfDescriptor descriptor, NovaServer server, List<NeutronPort> ports) {
    Map<String, Integer> rank = nicRank(descriptor, server.vdu());
    List<NeutronPort> ordered =
        ports.stream()
            .sorted(
                Comparator.comparing(
                        (NeutronPort p) -> rank.getOrDefault(p.cp(), Integer.MAX_VALUE))
                    .thenComparing(NeutronPort::cp))
            .toList();
    Map<String, String> portIds = new LinkedHashMap<>();
    List<String> addresses = new ArrayList<>();
    for (NeutronPort port : ordered) {
      portIds.put(port.cp(), port.id());
      addresses.addAll(port.addresses());
    }
    return new VnfInstance(
        server.vdu(), server.id(), server.name(), server.status(), addresses, portIds);
  }

  /** Management port first, then the NICs in order; ports the descriptor does not name last. */
  private static Map<String, Integer> nicRank(VnfDescriptor descriptor, String vdu) {
    Map<String, Integer> rank = new HashMap<>();
    HotVnf.managementPort(descriptor, vdu).ifPresent(cp -> rank.put(cp.name(), -1));
    List<ConnectionPoint> nics = HotVnf.ports(descriptor, vdu);
    for (int i = 0; i < nics.size(); i++) {
      rank.putIfAbsent(nics.get(i).name(), i);
    }
    return rank;
  }

  private static Map<String, Object> mgmtAddresses(
      VnfDescriptor descriptor, List<VnfInstance> instances, List<NeutronPort> ports) {
    Map<String, NeutronPort> portById = new HashMap<>();
    ports.forEach(p -> portById.put(p.id(), p));
    Map<String, Object> addresses = new LinkedHashMap<>();
    for (VmVdu vdu : descriptor.vmVdus()) {
      Optional<ConnectionPoint> mgmt = HotVnf.managementPort(descriptor, vdu.name());
      if (mgmt.isEmpty()) {
        continue;
      }
      List<String> each =
          instances.stream()
              .filter(i -> i.vdu().equals(vdu.name()))
              .map(i -> portById.get(i.ports().get(mgmt.get().name())))
              .filter(p -> p != null && !p.addresses().isEmpty())
              .map(p -> p.addresses().get(0))
              .toList();
      if (descriptor.scalingPolicyFor(vdu.name()).isPresent()) {
        addresses.put(vdu.name(), each);
      } else if (!each.isEmpty()) {
        addresses.put(vdu.name(), each.get(0));
      }
    }
    return addresses;
  }
}
