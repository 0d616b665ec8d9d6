package io.nfvflow.tosca.network;

import io.nfvflow.tosca.Subnet;
import io.nfvflow.tosca.VirtualLink;
import io.nfvflow.tosca.template.Inputs;
import io.nfvflow.tosca.template.KeyRules;
import io.nfvflow.tosca.template.NodeKeys;
import io.nfvflow.tosca.template.NodeTemplate;
import io.nfvflow.tosca.template.Problems;
import io.nfvflow.tosca.template.Props;
import io.nfvflow.tosca.template.Syntax;

/**
 * Reads a {@code tosca.nodes.nfv.VL}. With only {@code network_name} it names an existing network;
 * with a {@code cidr} it asks for a new network of that name with one subnet (as Tacker did).
 */
public final class VirtualLinkReader {

  private static final KeyRules NODE_KEYS = NodeKeys.allowing("properties");

  private static final KeyRules PROPERTIES =
      KeyRules.properties(
              "network_name",
              "vendor",
              "ip_version",
              "cidr",
              "start_ip",
              "end_ip",
              "gateway_ip",
              "dhcp_enabled")
          .unsupported(
              "provider network settings are not supported: name an existing network instead",
              "segmentation_id",
              "network_type",
              "physical_network")
          .unsupported("refer to the network by network_name", "network_id");

  private static final String[] SUBNET_KEYS = {
    "ip_version", "cidr", "start_ip", "end_ip", "gateway_ip", "dhcp_enabled"
  };

  private VirtualLinkReader() {}

  /** Reads one VL. */
  public static VirtualLink read(NodeTemplate node, Inputs inputs) {
    Problems problems = new Problems();
    problems.check(() -> NODE_KEYS.check(node.name(), "", node.body().keySet()));
    Props props = problems.require(() -> node.properties(inputs));
    problems.check(() -> props.check(PROPERTIES));
    String networkName = problems.read(() -> props.requiredString("network_name"));
    String vendor = problems.read(() -> props.string("vendor"));
    Subnet subnet = problems.read(() -> subnet(props));
    problems.throwIfAny();
    return new VirtualLink(node.name(), networkName, vendor, subnet);
  }

  private static Subnet subnet(Props props) {
    boolean any = false;
    for (String key : SUBNET_KEYS) {
      any |= props.has(key);
    }
    if (!any) {
      return null;
    }
    String cidr = props.string("cidr");
    if (cidr == null) {
      throw props.invalid("cidr", "is required to create a network with a subnet");
    }
    int version = ipVersion(props);
    checkCidr(props, cidr, version);
    return new Subnet(
        version,
        cidr,
        address(props, "start_ip", version),
        address(props, "end_ip", version),
        address(props, "gateway_ip", version),
        props.bool("dhcp_enabled"));
  }

  private static int ipVersion(Props props) {
    Integer version = props.integer("ip_version");
    if (version == null) {
      return 4;
    }
    if (version != 4 && version != 6) {
      throw props.invalid("ip_version", "must be 4 or 6");
    }
    return version;
  }

  private static void checkCidr(Props props, String cidr, int version) {
    int slash = cidr.indexOf('/');
    String prefix = slash < 0 ? "" : cidr.substring(slash + 1);
    int max = version == 4 ? 32 : 128;
    boolean ok =
        slash > 0
            && prefix.matches("\\d{1,3}")
            && Integer.parseInt(prefix) <= max
            && address(cidr.substring(0, slash), version);
    if (!ok) {
      throw props.invalid("cidr", "'" + cidr + "' is not an IPv" + version + " CIDR");
    }
  }

  private static String address(Props props, String key, int version) {
    String ip = props.string(key);
    if (ip != null && !address(ip, version)) {
      throw props.invalid(key, "'" + ip + "' is not an IPv" + version + " address");
    }
    return ip;
  }

  private static boolean address(String ip, int version) {
    return Syntax.isIp(ip) && Syntax.isIpv6(ip) == (version == 6);
  }
}
