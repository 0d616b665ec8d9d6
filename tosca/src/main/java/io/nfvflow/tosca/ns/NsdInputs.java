package io.nfvflow.tosca.ns;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An NSD's {@code inputs}, with the inputs its nodes use but do not declare. Tacker applies {@code
 * param_values.nsd} to every {@code get_input} by name, whether declared or not, and one of its own
 * samples (tosca-multiple-vnffg-nsd) relies on that; so such an input counts as a declared string
 * without a default: a value must be given when the NS is created.
 */
final class NsdInputs {

  private static final String GET_INPUT = "get_input";

  private NsdInputs() {}

  /**
   * The declarations: the template's, then one {@code {type: string}} per input used and not
   * declared. A section that is not a map comes back as it is, for {@code Inputs} to refuse.
   */
  @SuppressWarnings("unchecked")
  static Object declarations(Map<String, Object> topology) {
    Object raw = topology.get("inputs");
    if (raw != null && !(raw instanceof Map<?, ?>)) {
      return raw;
    }
    Map<String, Object> declared =
        raw == null ? new LinkedHashMap<>() : (Map<String, Object>) NsdReader.copy(raw);
    Set<String> used = new LinkedHashSet<>();
    findUses(topology.get("node_templates"), used);
    findUses(topology.get("groups"), used);
    for (String name : used) {
      declared.putIfAbsent(
          name,
          new LinkedHashMap<>(
              Map.of(
                  "type",
                  "string",
                  "description",
                  "used by the NSD without a declaration: a value must be given")));
    }
    return declared.isEmpty() ? null : declared;
  }

  /** A copy of the template whose topology has these inputs (for placeholders). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> withInputs(Map<String, Object> root, Object declared) {
    Map<String, Object> copy = new LinkedHashMap<>(root);
    Map<String, Object> topology =
        new LinkedHashMap<>((Map<String, Object>) root.get("topology_template"));
    topology.put("inputs", declared);
    copy.put("topology_template", topology);
    return copy;
  }

  private static void findUses(Object node, Set<String> used) {
    if (node instanceof Map<?, ?> map) {
      if (map.size() == 1 && map.get(GET_INPUT) instanceof String input) {
        used.add(input);
        return;
      }
      map.values().forEach(v -> findUses(v, used));
    } else if (node instanceof List<?> list) {
      list.forEach(item -> findUses(item, used));
    }
  }
}
