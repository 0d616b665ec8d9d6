package io.nfvflow.tosca.network;

import io.nfvflow.tosca.ConnectionPoint;
import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.template.Inputs;
import io.nfvflow.tosca.template.KeyRules;
import io.nfvflow.tosca.template.NodeKeys;
import io.nfvflow.tosca.template.NodeTemplate;
import io.nfvflow.tosca.template.Problems;
import io.nfvflow.tosca.template.Props;
import io.nfvflow.tosca.template.Requirements;
import io.nfvflow.tosca.template.Syntax;
import io.nfvflow.tosca.template.Topology;
import io.nfvflow.tosca.vdu.VduReader;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a {@code tosca.nodes.nfv.CP.Tacker}: a port of one VDU on one virtual link. */
public final class ConnectionPointReader {

  private static final String VIRTUAL_LINK = "virtualLink";
  private static final String VIRTUAL_BINDING = "virtualBinding";

  private static final KeyRules NODE_KEYS = NodeKeys.allowing("properties", "requirements");

  private static final KeyRules PROPERTIES =
      KeyRules.properties(
              "management",
              "order",
              "anti_spoofing_protection",
              "security_groups",
              "mac_address",
              "ip_address",
              "type")
          .unsupported(
              "custom resource names are not supported: nfvflow names resources after the VNF",
              "name")
          .unsupported(
              "virtual IPs (allowed_address_pairs) are not supported", "allowed_address_pairs");

  private ConnectionPointReader() {}

  /** Reads one CP and checks that it binds to a VDU and links to a VL of the topology. */
  public static ConnectionPoint read(NodeTemplate node, Inputs inputs, Topology topology) {
    return read(node, inputs, topology, null, false);
  }

  /**
   * Reads one CP whose virtual link a network service may provide: when the VNFD's
   * substitution_mappings maps a requirement to it, it may have no {@code virtualLink} at
   * onboarding (and a container VDU's never needs one); a VM's needs one to be instantiated.
   *
   * @param providedBy the substitution requirement that maps to this CP, or null
   * @param onboarding whether the VNFD is being onboarded (no VNF binds links yet)
   */
  public static ConnectionPoint read(
      NodeTemplate node, Inputs inputs, Topology topology, String providedBy, boolean onboarding) {
    Problems problems = new Problems();
    problems.check(() -> NODE_KEYS.check(node.name(), "", node.body().keySet()));
    Props props = problems.require(() -> node.properties(inputs));
    problems.check(() -> props.check(PROPERTIES));
    Binding binding =
        problems.read(() -> binding(node, topology, new Provider(providedBy, onboarding)));
    Boolean management = problems.read(() -> props.bool("management"));
    Integer order = problems.read(() -> order(props));
    Boolean antiSpoofing = problems.read(() -> props.bool("anti_spoofing_protection"));
    List<String> securityGroups = problems.read(() -> props.stringList("security_groups"));
    String mac = problems.read(() -> macAddress(props));
    String ip = problems.read(() -> ipAddress(props));
    String vnicType = problems.read(() -> vnicType(props));
    problems.throwIfAny();
    return new ConnectionPoint(
        node.name(),
        binding.vdu(),
        binding.link(),
        Boolean.TRUE.equals(management),
        order,
        antiSpoofing,
        securityGroups,
        mac,
        ip,
        vnicType);
  }

  /** The VDU the CP binds to and the VL it links to. */
  private record Binding(String vdu, String link) {}

  /** Where a CP's link may come from instead of its own requirement. */
  private record Provider(String requirement, boolean onboarding) {}

  private static Binding binding(NodeTemplate node, Topology topology, Provider provider) {
    Map<String, String> requirements =
        Requirements.read(
            node.name(), node.section("requirements"), Set.of(VIRTUAL_LINK, VIRTUAL_BINDING));
    Problems problems = new Problems();
    String vdu = problems.read(() -> vdu(node, requirements, topology));
    String link =
        requirements.containsKey(VIRTUAL_LINK) || provider.requirement() == null
            ? problems.read(() -> link(node, requirements, topology))
            : problems.read(() -> provided(node, vdu, topology, provider));
    problems.throwIfAny();
    return new Binding(vdu, link);
  }

  /**
   * A CP without a link that a network service provides: fine while onboarding and for a container
   * (Kuryr gives a pod its ports), else the VNF is being instantiated without the NS's binding.
   */
  private static String provided(
      NodeTemplate node, String vdu, Topology topology, Provider provider) {
    NodeTemplate vduNode = vdu == null ? null : topology.node(vdu);
    if (provider.onboarding() || (vduNode != null && VduReader.isContainer(vduNode))) {
      return null;
    }
    throw ToscaException.invalid(
        node.name(),
        "requirements." + VIRTUAL_LINK,
        "missing: this connection point gets its virtual link from a network service (requirement "
            + provider.requirement()
            + "), and the VNF's param_values.substitution_mappings binds none to it");
  }

  private static String vdu(
      NodeTemplate node, Map<String, String> requirements, Topology topology) {
    String vdu = target(node, requirements, VIRTUAL_BINDING, "a VDU (tosca.nodes.nfv.VDU.Tacker)");
    if (!topology.isVdu(vdu)) {
      throw wrongTarget(node, VIRTUAL_BINDING, vdu, "a VDU", topology);
    }
    return vdu;
  }

  private static String link(
      NodeTemplate node, Map<String, String> requirements, Topology topology) {
    String link = target(node, requirements, VIRTUAL_LINK, "a VL (tosca.nodes.nfv.VL)");
    if (!topology.isVl(link)) {
      throw wrongTarget(node, VIRTUAL_LINK, link, "a VL", topology);
    }
    return link;
  }

  private static String target(
      NodeTemplate node, Map<String, String> requirements, String name, String what) {
    String target = requirements.get(name);
    if (target == null) {
      throw ToscaException.invalid(
          node.name(), "requirements." + name, "missing: a connection point needs " + what);
    }
    return target;
  }

  private static ToscaException wrongTarget(
      NodeTemplate node, String requirement, String target, String expected, Topology topology) {
    return ToscaException.invalid(
        node.name(),
        "requirements." + requirement,
        "'" + target + "' must be " + expected + ", but it is " + topology.describe(target));
  }

  private static Integer order(Props props) {
    Integer order = props.integer("order");
    if (order != null && order < 0) {
      throw props.invalid("order", "must not be negative");
    }
    return order;
  }

  private static String macAddress(Props props) {
    String mac = props.string("mac_address");
    if (mac != null && !Syntax.isMac(mac)) {
      throw props.invalid("mac_address", "'" + mac + "' is not a MAC address (aa:bb:cc:dd:ee:ff)");
    }
    return mac;
  }

  private static String ipAddress(Props props) {
    String ip = props.string("ip_address");
    if (ip != null && !Syntax.isIp(ip)) {
      throw props.invalid("ip_address", "'" + ip + "' is not an IP address");
    }
    return ip;
  }

  /** Tacker calls a normal port "vnic"; SR-IOV needs host support nfvflow does not manage. */
  private static String vnicType(Props props) {
    String type = props.string("type");
    if (type == null || type.equals("vnic") || type.equals("normal")) {
      return type;
    }
    if (type.equals("sriov")) {
      throw props.unsupported("type", "SR-IOV ports (type: sriov) are not supported");
    }
    throw props.invalid("type", "'" + type + "' is not one of vnic, normal, sriov");
  }
}
