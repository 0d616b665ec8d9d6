package io.nfvflow.tosca.vnffg;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Stand-in values for the inputs without a default, for checking a VNFFGD when it is onboarded
 * (Tacker's {@code vnffgd-create} takes no {@code param_values}; a VNFFG gives them later). A
 * placeholder fits the criterion or property it feeds, so that every rule on the rest of the
 * template can still be checked; the checks between classifiers skip those that take one.
 */
final class VnffgdPlaceholders {

  private static final String GET_INPUT = "get_input";

  private final Map<String, String> typesWithoutDefault = new LinkedHashMap<>();

  /** Input name to the key it feeds and, for a criterion, its classifier's other criteria. */
  private final Map<String, Use> uses = new LinkedHashMap<>();

  private record Use(String key, Map<?, ?> siblings) {}

  VnffgdPlaceholders(Map<String, Object> tree) {
    if (tree != null && tree.get("topology_template") instanceof Map<?, ?> topology) {
      if (topology.get("inputs") instanceof Map<?, ?> inputs) {
        inputs.forEach(
            (name, definition) -> {
              if (!(definition instanceof Map<?, ?> d) || d.get("default") == null) {
                String type =
                    definition instanceof Map<?, ?> d ? String.valueOf(d.get("type")) : "";
                typesWithoutDefault.put(String.valueOf(name), type);
              }
            });
      }
      findUses(topology, null, Map.of());
    }
  }

  /** The inputs that get a placeholder. */
  Set<String> names() {
    return Set.copyOf(typesWithoutDefault.keySet());
  }

  /** Input name to its placeholder value. */
  Map<String, Object> values() {
    Map<String, Object> values = new LinkedHashMap<>();
    typesWithoutDefault.forEach(
        (name, type) -> values.put(name, placeholder(name, type, uses.get(name))));
    return values;
  }

  private void findUses(Object node, String key, Map<?, ?> siblings) {
    if (node instanceof Map<?, ?> map) {
      if (map.size() == 1 && map.get(GET_INPUT) instanceof String input) {
        uses.putIfAbsent(input, new Use(key == null ? "" : key, siblings));
        return;
      }
      map.forEach((k, v) -> findUses(v, String.valueOf(k), map));
    } else if (node instanceof List<?> list) {
      list.forEach(item -> findUses(item, key, siblings));
    }
  }

  private static Object placeholder(String name, String type, Use use) {
    if (use != null
        && use.key().equals("number_of_endpoints")
        && use.siblings().get("connection_point") instanceof List<?> cps) {
      return cps.size(); // they must agree
    }
    return switch (type) {
      case "integer" -> 1;
      case "float" -> 1.0;
      case "boolean" -> false;
      case "list" -> List.of();
      case "map" -> Map.of();
      default -> use == null ? "placeholder" : stringFor(name, use);
    };
  }

  private static String stringFor(String name, Use use) {
    return switch (use.key()) {
      // one port per input, so that two inputs never look like one port
      case "network_src_port_id", "network_dst_port_id" ->
          UUID.nameUUIDFromBytes(("nfvflow placeholder " + name).getBytes(StandardCharsets.UTF_8))
              .toString();
      case "source_port_range", "destination_port_range" -> "0-65535";
      case "ip_src_prefix", "ip_dst_prefix" -> isIpv6(use.siblings()) ? "::/0" : "0.0.0.0/0";
      case "eth_type" -> ClassifierReader.IPV4;
      case "ip_proto" -> "6";
      case "id", "number_of_endpoints" -> "1";
      case "correlation" -> "mpls";
      case "symmetrical" -> "false";
      case "sfc_encap" -> "true";
      default -> "placeholder";
    };
  }

  /** Whether a classifier's (literal) eth_type is IPv6. */
  private static boolean isIpv6(Map<?, ?> criteria) {
    Object type = criteria.get("eth_type");
    if (type == null) {
      return false;
    }
    String text = String.valueOf(type).trim();
    return text.equalsIgnoreCase(ClassifierReader.IPV6)
        || text.equalsIgnoreCase("0x86dd")
        || text.equals("34525");
  }
}
