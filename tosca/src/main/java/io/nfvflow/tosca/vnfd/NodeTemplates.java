package io.nfvflow.tosca.vnfd;

import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.template.NodeTemplate;
import io.nfvflow.tosca.template.Problems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code node_templates} section: a non-empty map of name to a node with a type. */
public final class NodeTemplates {

  private static final String SECTION = "topology_template.node_templates";

  private NodeTemplates() {}

  /**
   * Reads the section: every node is checked, and one exception names every problem.
   *
   * @param raw the {@code topology_template.node_templates} value
   */
  public static List<NodeTemplate> read(Object raw) {
    if (!(raw instanceof Map<?, ?> map) || map.isEmpty()) {
      throw ToscaException.invalid(
          null, SECTION, raw == null ? "missing" : "expected a non-empty map of node templates");
    }
    Problems problems = new Problems();
    List<NodeTemplate> nodes =
        problems.readEach(
            List.copyOf(map.entrySet()), e -> node(String.valueOf(e.getKey()), e.getValue()));
    problems.throwIfAny();
    return nodes;
  }

  private static NodeTemplate node(String name, Object body) {
    if (!(body instanceof Map<?, ?> map)) {
      throw ToscaException.invalid(name, null, "a node template must be a map");
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach(
        (k, v) -> {
          if (v != null) {
            copy.put(String.valueOf(k), v);
          }
        });
    if (!(copy.get("type") instanceof String type) || type.isBlank()) {
      throw ToscaException.invalid(name, "type", "a node template needs a type");
    }
    return new NodeTemplate(name, type, copy);
  }
}
