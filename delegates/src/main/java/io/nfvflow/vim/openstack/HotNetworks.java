package io.nfvflow.vim.openstack;

import static io.nfvflow.vim.openstack.HotTemplate.getResource;
import static io.nfvflow.vim.openstack.HotTemplate.ordered;

import io.nfvflow.tosca.Subnet;
import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.VirtualLink;
import java.util.List;
import java.util.Map;

/**
 * The networks a VNF asks for: a VL with a {@code cidr} becomes an {@code OS::Neutron::Net} named
 * {@code network_name} plus one {@code OS::Neutron::Subnet}, owned by the stack (so they go when
 * the VNF goes). A VL with only {@code network_name} names an existing network and adds nothing
 * here.
 */
final class HotNetworks {

  private HotNetworks() {}

  static String subnetResource(VirtualLink vl) {
    return vl.name() + "_subnet";
  }

  static void add(HotTemplate template, HotVnf vnf) {
    for (VirtualLink vl : vnf.descriptor().virtualLinks()) {
      if (vl.createsNetwork()) {
        template.resource(
            vl.name(),
            vl.name(),
            "OS::Neutron::Net",
            ordered("name", vl.networkName(), "tags", vnf.tags()));
        template.resource(vl.name(), subnetResource(vl), "OS::Neutron::Subnet", subnet(vl, vnf));
      }
    }
  }

  private static Map<String, Object> subnet(VirtualLink vl, HotVnf vnf) {
    Subnet subnet = vl.subnet();
    return ordered(
        "network", getResource(vl.name()),
        "ip_version", subnet.ipVersion(),
        "cidr", subnet.cidr(),
        "allocation_pools", allocationPools(vl),
        "gateway_ip", subnet.gatewayIp(),
        "enable_dhcp", subnet.dhcpEnabled(),
        "tags", vnf.tags());
  }

  /** Neutron needs both ends of an allocation pool; half a pool is refused, not guessed. */
  private static List<Map<String, Object>> allocationPools(VirtualLink vl) {
    Subnet subnet = vl.subnet();
    if (subnet.startIp() == null && subnet.endIp() == null) {
      return null;
    }
    if (subnet.startIp() == null || subnet.endIp() == null) {
      throw ToscaException.invalid(
          vl.name(),
          subnet.startIp() == null ? "start_ip" : "end_ip",
          "an allocation pool needs both start_ip and end_ip");
    }
    return List.of(ordered("start", subnet.startIp(), "end", subnet.endIp()));
  }
}
