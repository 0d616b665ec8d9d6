package io.nfvflow.tosca.vdu;

import io.nfvflow.tosca.Container;
import io.nfvflow.tosca.ContainerVdu;
import io.nfvflow.tosca.PortMapping;
import io.nfvflow.tosca.template.KeyRules;
import io.nfvflow.tosca.template.NodeKeys;
import io.nfvflow.tosca.template.NodeTemplate;
import io.nfvflow.tosca.template.Problems;
import io.nfvflow.tosca.template.Props;
import io.nfvflow.tosca.template.Syntax;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a container VDU: the Kubernetes profile of VDU.Tacker (see the Tacker reference). */
final class ContainerVduReader {

  private static final Set<String> SERVICE_TYPES = Set.of("ClusterIP", "NodePort", "LoadBalancer");
  private static final Pattern PORT_MAPPING =
      Pattern.compile("\\s*(\\d{1,5})\\s*(?::\\s*(\\d{1,5})\\s*)?");
  private static final String VM_ONLY = "only valid for a VM VDU (one without vnfcs)";

  private static final KeyRules NODE_KEYS =
      NodeKeys.allowing("properties")
          .misplaced(VM_ONLY, "capabilities", "artifacts")
          .unsupported("VDU requirements are not supported", "requirements");

  private static final KeyRules PROPERTIES =
      VduReader.refuseUnsupported(
          KeyRules.properties("namespace", "mapping_ports", "labels", "service_type", "vnfcs")
              .allow(VduReader.BOTH)
              .misplaced(VM_ONLY, VduReader.VM_ONLY));

  private ContainerVduReader() {}

  static ContainerVdu read(NodeTemplate node, Props props) {
    Problems problems = new Problems();
    problems.check(() -> NODE_KEYS.check(node.name(), "", node.body().keySet()));
    problems.check(() -> props.check(PROPERTIES));
    problems.check(() -> requireNoop(props));
    problems.check(() -> VduReader.requireNotTrue(props, "config_drive", "a config drive"));
    String namespace = problems.read(() -> namespace(props));
    List<PortMapping> mappingPorts = problems.read(() -> mappingPorts(props));
    Map<String, String> labels = problems.read(() -> labels(props));
    String serviceType = problems.read(() -> serviceType(props));
    List<Container> containers = problems.read(() -> ContainerReader.readAll(props));
    problems.throwIfAny();
    return new ContainerVdu(node.name(), namespace, mappingPorts, labels, serviceType, containers);
  }

  private static void requireNoop(Props props) {
    String mgmtDriver = props.string("mgmt_driver");
    if (mgmtDriver != null && !mgmtDriver.equals("noop")) {
      throw props.unsupported("mgmt_driver", "management drivers are not supported for containers");
    }
  }

  private static String namespace(Props props) {
    String namespace = props.string("namespace");
    if (namespace != null && !Syntax.isDns1123Label(namespace)) {
      throw props.invalid(
          "namespace",
          "'"
              + namespace
              + "' is not a valid Kubernetes namespace (a DNS-1123 label: lower-case"
              + " letters, digits and '-', at most 63 characters)");
    }
    return namespace;
  }

  private static List<PortMapping> mappingPorts(Props props) {
    List<String> entries = props.stringList("mapping_ports");
    List<PortMapping> mappings = new ArrayList<>();
    Set<Integer> servicePorts = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      PortMapping mapping = portMapping(props, "mapping_ports[" + i + "]", entries.get(i));
      if (!servicePorts.add(mapping.port())) {
        throw props.invalid(
            "mapping_ports[" + i + "]", "service port " + mapping.port() + " is mapped twice");
      }
      mappings.add(mapping);
    }
    return mappings;
  }

  private static PortMapping portMapping(Props props, String key, String entry) {
    Matcher m = PORT_MAPPING.matcher(entry);
    if (!m.matches()) {
      throw props.invalid(key, "'" + entry + "' is not 'port:targetPort' or 'port'");
    }
    int port = Integer.parseInt(m.group(1));
    int target = m.group(2) == null ? port : Integer.parseInt(m.group(2));
    if (!Syntax.isPort(port) || !Syntax.isPort(target)) {
      throw props.invalid(key, "'" + entry + "': ports must be between 1 and 65535");
    }
    return new PortMapping(port, target);
  }

  private static Map<String, String> labels(Props props) {
    List<String> entries = props.stringList("labels");
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      String key = "labels[" + i + "]";
      String entry = entries.get(i);
      int colon = entry.indexOf(':');
      if (colon < 0) {
        throw props.invalid(key, "'" + entry + "' is not 'key: value'");
      }
      String name = entry.substring(0, colon).trim();
      String value = entry.substring(colon + 1).trim();
      checkLabel(props, key, name, value);
      if (labels.put(name, value) != null) {
        throw props.invalid(key, "label '" + name + "' is given twice");
      }
    }
    return labels;
  }

  private static void checkLabel(Props props, String key, String name, String value) {
    if (!Syntax.isLabelKey(name)) {
      throw props.invalid(key, "'" + name + "' is not a valid Kubernetes label key");
    }
    if (!Syntax.isLabelValue(value)) {
      throw props.invalid(
          key,
          "'"
              + value
              + "' is not a valid Kubernetes label value (at most 63 letters, digits,"
              + " '-', '_' or '.', starting and ending with a letter or digit)");
    }
  }

  private static String serviceType(Props props) {
    String type = props.string("service_type");
    if (type == null) {
      return "ClusterIP";
    }
    if (!SERVICE_TYPES.contains(type)) {
      throw props.invalid(
          "service_type", "'" + type + "' is not one of ClusterIP, NodePort, LoadBalancer");
    }
    return type;
  }
}
