package io.nfvflow.tosca.vdu;

import io.nfvflow.tosca.MonitoringPolicy;
import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.Vdu;
import io.nfvflow.tosca.template.Inputs;
import io.nfvflow.tosca.template.KeyRules;
import io.nfvflow.tosca.template.NodeTemplate;
import io.nfvflow.tosca.template.Props;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a {@code tosca.nodes.nfv.VDU.Tacker}: a container VDU when it has {@code vnfcs}, else a VM
 * VDU. Tacker defines one type for both, so the properties each kind may carry are checked here.
 */
public final class VduReader {

  /** Container-only properties. */
  static final String[] CONTAINER_ONLY = {"namespace", "mapping_ports", "labels", "service_type"};

  /** VM-only properties. */
  static final String[] VM_ONLY = {
    "image",
    "flavor",
    "availability_zone",
    "metadata",
    "config",
    "user_data",
    "user_data_format",
    "key_name",
    "maintenance"
  };

  /** Properties both kinds take. Tacker monitored VMs only; nfvflow monitors containers too. */
  static final String[] BOTH = {"mgmt_driver", "config_drive", MonitoringPolicyReader.PROPERTY};

  private VduReader() {}

  /** Reads one VDU node template. */
  public static Vdu read(NodeTemplate node, Inputs inputs) {
    Props props = node.properties(inputs);
    return isContainer(node)
        ? ContainerVduReader.read(node, props)
        : VmVduReader.read(node, props, inputs);
  }

  /** Whether a VDU node is a container VDU: it has {@code vnfcs}. */
  public static boolean isContainer(NodeTemplate node) {
    return node.section("properties") instanceof Map<?, ?> properties
        && properties.containsKey("vnfcs");
  }

  /**
   * Reads a VDU node's {@code monitoring_policy}, on either kind of VDU. Its problems are reported
   * apart from the VDU's own, so that a wrong policy does not hide the VDU from the rules that look
   * at the VDUs read (one kind, alarm server groups).
   *
   * @return the checked policy, or empty when the VDU has none (or its properties are not a map,
   *     which {@link #read} reports)
   */
  public static Optional<MonitoringPolicy> monitoringPolicy(NodeTemplate node, Inputs inputs) {
    Object properties = node.section("properties");
    if (properties != null && !(properties instanceof Map)) {
      return Optional.empty();
    }
    return Optional.ofNullable(MonitoringPolicyReader.read(node.name(), node.properties(inputs)));
  }

  /** Adds the properties Tacker defines for VDU.Tacker that nfvflow refuses, with the reason. */
  static KeyRules refuseUnsupported(KeyRules rules) {
    return rules
        .unsupported(
            "custom resource names are not supported: nfvflow names resources after the VNF",
            "name")
        .unsupported("placement policies are not supported", "placement_policy")
        .unsupported("application monitoring (Zabbix) is not supported", "app_monitoring_policy")
        .unsupported("reservations (Blazar) are not supported", "reservation_metadata");
  }

  /** Accepts a boolean property only when false (its default): true asks for a missing feature. */
  static void requireNotTrue(Props props, String key, String feature) {
    if (Boolean.TRUE.equals(props.bool(key))) {
      throw props.unsupported(key, feature + " is not supported");
    }
  }

  /** An error about a whole VDU node. */
  static ToscaException invalid(NodeTemplate node, String section, String reason) {
    return ToscaException.invalid(node.name(), section, reason);
  }
}
