package io.nfvflow.tosca.vdu;

import io.nfvflow.tosca.Container;
import io.nfvflow.tosca.template.KeyRules;
import io.nfvflow.tosca.template.Problems;
import io.nfvflow.tosca.template.Props;
import io.nfvflow.tosca.template.ScalarSize;
import io.nfvflow.tosca.template.Syntax;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the {@code vnfcs} of a container VDU: one container per entry. */
final class ContainerReader {

  private static final KeyRules PROPERTIES =
      KeyRules.properties("image", "num_cpus", "mem_size", "ports", "command", "args", "config");

  private ContainerReader() {}

  static List<Container> readAll(Props vdu) {
    Props vnfcs = vdu.child("vnfcs");
    if (vnfcs.keys().isEmpty()) {
      throw vdu.invalid("vnfcs", "must hold at least one container");
    }
    Problems problems = new Problems();
    List<Container> containers = problems.readEach(vnfcs.keys(), name -> read(name, vnfcs));
    problems.check(() -> requireDistinctNames(containers, vnfcs));
    problems.throwIfAny();
    return containers;
  }

  private static void requireDistinctNames(List<Container> containers, Props vnfcs) {
    Map<String, String> byKubernetesName = new HashMap<>();
    for (Container container : containers) {
      String name = container.name();
      String clash = byKubernetesName.put(container.kubernetesName(), name);
      if (clash != null) {
        throw vnfcs.invalid(
            name,
            "container names '"
                + clash
                + "' and '"
                + name
                + "' both become '"
                + container.kubernetesName()
                + "' in Kubernetes");
      }
    }
  }

  private static Container read(String name, Props vnfcs) {
    checkName(name, vnfcs);
    Props props = vnfcs.child(name);
    Problems problems = new Problems();
    problems.check(() -> props.check(PROPERTIES));
    String image = problems.read(() -> props.requiredString("image"));
    Double cpus = problems.read(() -> cpus(props));
    Long memory = problems.read(() -> memory(props));
    List<Integer> ports = problems.read(() -> ports(props));
    List<String> command = problems.read(() -> words(props, "command"));
    List<String> args = problems.read(() -> words(props, "args"));
    Map<String, String> config = problems.read(() -> config(props));
    problems.throwIfAny();
    return new Container(name, image, cpus, memory, ports, command, args, config);
  }

  private static void checkName(String name, Props vnfcs) {
    if (!Syntax.isDns1123Label(name.replace('_', '-'))) {
      throw vnfcs.invalid(
          name,
          "container name '"
              + name
              + "' is not a valid DNS-1123 label, which Kubernetes needs:"
              + " lower-case letters, digits and '-' ('_' is accepted and becomes '-'), starting"
              + " and ending with a letter or digit, at most 63 characters");
    }
  }

  private static Double cpus(Props props) {
    Double cpus = props.decimal("num_cpus");
    if (cpus != null && !(cpus > 0)) {
      throw props.invalid("num_cpus", "must be more than zero");
    }
    return cpus;
  }

  private static Long memory(Props props) {
    String size = props.string("mem_size");
    if (size == null) {
      return null;
    }
    BigInteger bytes;
    try {
      bytes = ScalarSize.bytes(size);
    } catch (IllegalArgumentException e) {
      throw props.invalid("mem_size", e.getMessage());
    }
    if (bytes.bitLength() > 62) {
      throw props.invalid("mem_size", "'" + size + "' is too large");
    }
    return bytes.longValueExact();
  }

  private static List<Integer> ports(Props props) {
    List<String> entries = props.stringList("ports");
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String entry = entries.get(i).trim();
      if (!entry.matches("\\d{1,5}") || !Syntax.isPort(Integer.parseInt(entry))) {
        throw props.invalid("ports[" + i + "]", "'" + entry + "' is not a port (1 to 65535)");
      }
      ports.add(Integer.parseInt(entry));
    }
    return ports;
  }

  /** A list as is; a string is split on whitespace (no shell quoting: use a list for that). */
  private static List<String> words(Props props, String key) {
    if (props.value(key) instanceof List) {
      return props.stringList(key);
    }
    String text = props.string(key);
    return text == null || text.isBlank() ? List.of() : Arrays.asList(text.trim().split("\\s+"));
  }

  private static Map<String, String> config(Props props) {
    if (props.value("config") instanceof Map) {
      throw props.invalid("config", "expected multi-line text of 'key: value' lines (use '|')");
    }
    String text = props.string("config");
    Map<String, String> config = new LinkedHashMap<>();
    if (text == null) {
      return config;
    }
    String[] lines = text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].trim();
      if (!line.isEmpty() && !line.startsWith("#")) {
        addConfigLine(props, config, line, i + 1);
      }
    }
    return config;
  }

  private static void addConfigLine(Props props, Map<String, String> config, String line, int no) {
    int colon = line.indexOf(':');
    if (colon < 0) {
      throw props.invalid("config", "line " + no + " '" + line + "' is not 'key: value'");
    }
    String key = line.substring(0, colon).trim();
    if (!Syntax.isConfigKey(key)) {
      throw props.invalid(
          "config",
          "line "
              + no
              + ": '"
              + key
              + "' is not a valid key (letters, digits, '-', '_', '.'),"
              + " and it becomes an environment variable");
    }
    if (config.put(key, line.substring(colon + 1).trim()) != null) {
      throw props.invalid("config", "line " + no + ": key '" + key + "' is given twice");
    }
  }
}
