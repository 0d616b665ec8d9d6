package io.nfvflow.vim.openstack;

import io.nfvflow.tosca.ConnectionPoint;
import io.nfvflow.tosca.ContainerVdu;
import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.Vdu;
import io.nfvflow.tosca.VirtualLink;
import io.nfvflow.tosca.VmVdu;
import io.nfvflow.tosca.VnfDescriptor;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The VNF being translated: its id, its descriptor and the flavor each VM VDU boots with.
 *
 * @param flavors flavor name per VDU name
 */
record HotVnf(String id, VnfDescriptor descriptor, Map<String, String> flavors) {

  /**
   * Ports in the order the VM sees its NICs: by {@code order}, those without one last, then name.
   */
  private static final Comparator<ConnectionPoint> NIC_ORDER =
      Comparator.comparing(
              ConnectionPoint::order, Comparator.nullsLast(Comparator.<Integer>naturalOrder()))
          .thenComparing(ConnectionPoint::name);

  /** Checks that every VDU is a VM and resolves each VDU's flavor. */
  static HotVnf of(String vnfId, VnfDescriptor descriptor, List<FlavorInfo> cloudFlavors) {
    Map<String, String> flavors = new LinkedHashMap<>();
    for (Vdu vdu : descriptor.vdus()) {
      if (vdu instanceof ContainerVdu) {
        throw ToscaException.unsupported(
            vdu.name(),
            null,
            "a container VDU cannot be deployed with Heat: use a Kubernetes VIM for this VNF");
      }
      VmVdu vm = (VmVdu) vdu;
      flavors.put(vm.name(), vm.flavor() != null ? vm.flavor() : match(vm, cloudFlavors));
    }
    return new HotVnf(vnfId, descriptor, Map.copyOf(flavors));
  }

  private static String match(VmVdu vdu, List<FlavorInfo> cloudFlavors) {
    return FlavorMatcher.match(
            vdu.name(), vdu.compute(), cloudFlavors == null ? List.of() : cloudFlavors)
        .name();
  }

  List<VmVdu> vdus() {
    return descriptor.vmVdus();
  }

  String flavor(VmVdu vdu) {
    return flavors.get(vdu.name());
  }

  /** The connection points of a VDU, in NIC order. */
  List<ConnectionPoint> ports(VmVdu vdu) {
    return ports(descriptor, vdu.name());
  }

  /** The first management port of a VDU in NIC order: its address is the VDU's management IP. */
  Optional<ConnectionPoint> managementPort(VmVdu vdu) {
    return managementPort(descriptor, vdu.name());
  }

  /** The connection points of a VDU, in the order the VM sees its NICs. */
  static List<ConnectionPoint> ports(VnfDescriptor descriptor, String vdu) {
    return descriptor.connectionPoints().stream()
        .filter(cp -> cp.vdu().equals(vdu))
        .sorted(NIC_ORDER)
        .toList();
  }

  /** The first management port of a VDU in NIC order: its address is the VDU's management IP. */
  static Optional<ConnectionPoint> managementPort(VnfDescriptor descriptor, String vdu) {
    return ports(descriptor, vdu).stream().filter(ConnectionPoint::management).findFirst();
  }

  VirtualLink link(String name) {
    return descriptor.virtualLinks().stream()
        .filter(vl -> vl.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the parser let through unknown VL " + name));
  }

  boolean isScaled(VmVdu vdu) {
    return descriptor.scalingPolicyFor(vdu.name()).isPresent();
  }

  List<String> tags() {
    return HeatTemplates.tags(id);
  }
}
