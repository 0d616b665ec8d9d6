package io.nfvflow.tosca.ns;

import java.util.Map;

/**
 * A VNF node of an NSD.
 *
 * @param name the node's name (e.g. VNF1)
 * @param type its type: an imported VNFD's {@code substitution_mappings.node_type}
 * @param requirements requirement name (e.g. virtualLink1) → the NSD VL node it binds to, in order
 */
public record VnfNode(String name, String type, Map<String, String> requirements) {

  public VnfNode {
    requirements =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(requirements));
  }
}
