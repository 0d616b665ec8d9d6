package io.nfvflow.tosca.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The node templates by name, so that references between nodes can be checked. */
public final class Topology {

  private final Map<String, NodeTemplate> byName = new LinkedHashMap<>();

  /** Indexes the nodes (names are unique: they were map keys). */
  public Topology(List<NodeTemplate> nodes) {
    nodes.forEach(n -> byName.put(n.name(), n));
  }

  /** The nodes in template order. */
  public List<NodeTemplate> nodes() {
    return List.copyOf(byName.values());
  }

  /** The node of that name, or null. */
  public NodeTemplate node(String name) {
    return byName.get(name);
  }

  /** The type of a node, or null when there is no such node. */
  public String typeOf(String name) {
    NodeTemplate node = byName.get(name);
    return node == null ? null : node.type();
  }

  /** Whether the name is a VDU node. */
  public boolean isVdu(String name) {
    return NodeTypes.VDU.equals(typeOf(name));
  }

  /** Whether the name is a VL node. */
  public boolean isVl(String name) {
    return NodeTypes.VL.equals(typeOf(name));
  }

  /** Describes what a name refers to, for messages: "no such node" or "a node of type T". */
  public String describe(String name) {
    String type = typeOf(name);
    return type == null ? "no such node" : "a node of type '" + type + "'";
  }
}
