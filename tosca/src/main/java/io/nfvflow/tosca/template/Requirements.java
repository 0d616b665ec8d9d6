package io.nfvflow.tosca.template;

import io.nfvflow.tosca.ToscaException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A node template's {@code requirements}: a list of one-entry maps, each naming a requirement and
 * its target node, in the short form ({@code virtualLink: VL1}) or the long form ({@code
 * virtualLink: {node: VL1}}).
 */
public final class Requirements {

  private static final Set<String> LONG_FORM_KEYS = Set.of("node", "relationship", "capability");

  private Requirements() {}

  /**
   * Reads the requirements.
   *
   * @param node the node template, for messages
   * @param raw the {@code requirements} value, or null
   * @param allowed the requirement names this node type has
   * @return requirement name to target node name, in order
   */
  public static Map<String, String> read(String node, Object raw, Set<String> allowed) {
    return read(node, raw, allowed::contains, " (expected one of " + allowed + ")");
  }

  /**
   * Reads requirements of any name, as a node typed by a substituted VNFD has (virtualLink1...).
   *
   * @param node the node template, for messages
   * @param raw the {@code requirements} value, or null
   * @return requirement name to target node name, in order
   */
  public static Map<String, String> readAny(String node, Object raw) {
    return read(node, raw, name -> true, "");
  }

  private static Map<String, String> read(
      String node, Object raw, java.util.function.Predicate<String> allowed, String expected) {
    Map<String, String> targets = new LinkedHashMap<>();
    if (raw == null) {
      return targets;
    }
    if (!(raw instanceof List<?> list)) {
      throw ToscaException.invalid(node, "requirements", "expected a list of requirements");
    }
    for (Object entry : list) {
      if (!(entry instanceof Map<?, ?> map) || map.size() != 1) {
        throw ToscaException.invalid(
            node, "requirements", "each requirement must be a single 'name: target' entry");
      }
      String name = String.valueOf(map.keySet().iterator().next());
      if (!allowed.test(name)) {
        throw ToscaException.invalid(
            node, "requirements." + name, "unknown requirement" + expected);
      }
      if (targets.put(name, target(node, name, map.get(name))) != null) {
        throw ToscaException.invalid(node, "requirements." + name, "is given more than once");
      }
    }
    return targets;
  }

  private static String target(String node, String name, Object value) {
    Object target = value;
    if (value instanceof Map<?, ?> longForm) {
      for (Object key : longForm.keySet()) {
        if (!LONG_FORM_KEYS.contains(String.valueOf(key))) {
          throw ToscaException.invalid(node, "requirements." + name + "." + key, "unknown key");
        }
      }
      target = longForm.get("node");
    }
    if (!(target instanceof String text) || text.isBlank()) {
      throw ToscaException.invalid(node, "requirements." + name, "must name a target node");
    }
    return text;
  }
}
