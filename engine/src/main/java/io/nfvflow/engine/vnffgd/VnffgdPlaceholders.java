package io.nfvflow.engine.vnffgd;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stand-in values for the inputs that declare no default, for checking a VNFFGD at onboarding:
 * their values come only when a VNFFG is created ({@code param_values}). A placeholder fits the
 * input's declared type and, for strings, the criterion or property it feeds (a port id is a UUID,
 * a prefix a CIDR, a range {@code min-max}), so that every other rule can still be checked. Each
 * input gets its own value, so two classifiers fed by different inputs do not look identical.
 */
final class VnffgdPlaceholders {

  private static final String GET_INPUT = "get_input";
  private final Map<String, String> typesWithoutDefault = new LinkedHashMap<>();
  private final Map<String, String> usedAs = new LinkedHashMap<>();

  VnffgdPlaceholders(Map<String, Object> tree) {
    if (tree.get("topology_template") instanceof Map<?, ?> topology) {
      if (topology.get("inputs") instanceof Map<?, ?> inputs) {
        inputs.forEach(
            (name, definition) -> {
              Map<?, ?> d = definition instanceof Map<?, ?> map ? map : Map.of();
              if (d.get("default") == null) {
                typesWithoutDefault.put(String.valueOf(name), String.valueOf(d.get("type")));
              }
            });
      }
      findUses(topology, null);
    }
  }

  /** Input name to a value of its declared type that suits what it feeds. */
  Map<String, Object> values() {
    Map<String, Object> values = new LinkedHashMap<>();
    int n = 0;
    for (Map.Entry<String, String> input : typesWithoutDefault.entrySet()) {
      String property = usedAs.getOrDefault(input.getKey(), "");
      values.put(input.getKey(), placeholder(input.getValue(), property, ++n));
    }
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

  private static Object placeholder(String type, String property, int n) {
    return switch (type) {
      case "integer" -> integerFor(property, n);
      case "float" -> 1.0;
      case "boolean" -> booleanFor(property);
      case "list" -> List.of();
      case "map" -> Map.of();
      default -> stringFor(property, n);
    };
  }

  private static int integerFor(String property, int n) {
    return switch (property) {
      case "ip_proto" -> 6;
      case "mpls_label" -> 16;
      case "id" -> n;
      default -> 1;
    };
  }

  private static boolean booleanFor(String property) {
    // a symmetrical path needs criteria the template may not have; sfc_encap is on by default
    return !"symmetrical".equals(property);
  }

  private static String stringFor(String property, int n) {
    return switch (property) {
      case "network_src_port_id", "network_dst_port_id", "network_id", "tenant_id" ->
          "00000000-0000-4000-8000-%012d".formatted(n);
      case "ip_src_prefix", "ip_dst_prefix" -> "192.0.2.%d/32".formatted(n % 256);
      case "ipv6_src", "ipv6_dst" -> "2001:db8::%x/128".formatted(n);
      case "arp_spa", "arp_tpa" -> "192.0.2.%d".formatted(n % 256);
      case "eth_src", "eth_dst", "arp_sha", "arp_tha" -> "02:00:00:00:00:%02x".formatted(n % 256);
      case "destination_port_range", "source_port_range" -> {
        int port = 1023 + n;
        yield port + "-" + port;
      }
      case "eth_type" -> "0x0800";
      case "ip_proto" -> "6";
      case "correlation" -> "mpls";
      case "type" -> "ACL";
      case "id",
          "vlan_id",
          "vlan_pcp",
          "mpls_tc",
          "ip_dscp",
          "ip_ecn",
          "icmpv4_type",
          "icmpv4_code",
          "icmpv6_type",
          "icmpv6_code",
          "arp_op",
          "ipv6_flabel" ->
          "1";
      case "mpls_label" -> "16";
      case "symmetrical" -> "false";
      case "sfc_encap" -> "true";
      default -> "placeholder-" + n;
    };
  }
}
