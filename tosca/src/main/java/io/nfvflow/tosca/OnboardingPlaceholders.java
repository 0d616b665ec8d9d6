package io.nfvflow.tosca;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stand-in values for the inputs that declare no default, for checking a VNFD at onboarding. A
 * placeholder fits the input's declared type and, for strings, the property it feeds (a {@code
 * file} needs a URL, {@code management} a flag, {@code mem_size} a size), so that every other rule
 * can still be checked. NSDs use them too, for their own nodes.
 */
public final class OnboardingPlaceholders {

  private static final String GET_INPUT = "get_input";
  private final Map<String, String> typesWithoutDefault = new LinkedHashMap<>();
  private final Map<String, String> usedAs = new LinkedHashMap<>();

  /**
   * @param tree a template whose {@code topology_template.inputs} need stand-ins
   */
  public OnboardingPlaceholders(Map<String, Object> tree) {
    if (tree.get("topology_template") instanceof Map<?, ?> topology) {
      if (topology.get("inputs") instanceof Map<?, ?> inputs) {
        inputs.forEach(
            (name, definition) -> {
              if (definition instanceof Map<?, ?> d && d.get("default") == null) {
                typesWithoutDefault.put(String.valueOf(name), String.valueOf(d.get("type")));
              }
            });
      }
      findUses(topology, null);
    }
  }

  /** Input name to a value of its declared type that suits the property it feeds. */
  public Map<String, Object> values() {
    Map<String, Object> values = new LinkedHashMap<>();
    typesWithoutDefault.forEach(
        (name, type) -> values.put(name, placeholder(type, usedAs.getOrDefault(name, ""))));
    return values;
  }

  private void findUses(Object node, String key) {
    if (node instanceof Map<?, ?> map) {
      if (map.size() == 1 && map.get(GET_INPUT) instanceof String input) {
        usedAs.putIfAbsent(input, key == null ? "" : key);
        return;
      }
      map.forEach((k, v) -> findUses(v, String.valueOf(k)));
    } else if (node instanceof List<?> list) {
      list.forEach(item -> findUses(item, key));
    }
  }

  private static Object placeholder(String type, String property) {
    return switch (type) {
      case "integer" -> 1;
      case "float" -> 1.0;
      case "boolean" -> true;
      case "list" -> List.of();
      case "map" -> Map.of();
      case "scalar-unit.size" -> "1 GB";
      default -> stringFor(property);
    };
  }

  private static String stringFor(String property) {
    return switch (property) {
      case "file", "image_source", "url" -> "http://placeholder.invalid/image.img";
      case "management", "anti_spoofing_protection", "config_drive" -> "true";
      case "mem_size", "disk_size" -> "1 GB";
      case "num_cpus",
          "order",
          "min_instances",
          "max_instances",
          "default_instances",
          "increment",
          "monitoring_delay",
          "count",
          "interval",
          "timeout",
          "retry" ->
          "1";
      case "mapping_ports", "ports", "port" -> "80";
      case "failure" -> "log";
      default -> "placeholder";
    };
  }
}
