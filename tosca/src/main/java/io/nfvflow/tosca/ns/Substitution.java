package io.nfvflow.tosca.ns;

import java.util.Map;
import java.util.Set;

/**
 * A VNFD's {@code topology_template.substitution_mappings}: how an NSD uses it as a node.
 *
 * @param nodeType the node type an NSD's VNF node names (e.g. tosca.nodes.nfv.VNF1)
 * @param requirements requirement name → the CP whose virtual link the NSD provides
 * @param capabilities capability name → the CP (forwarder)
 * @param required the requirements {@code node_types} marks {@code required: true}
 */
public record Substitution(
    String nodeType,
    Map<String, String> requirements,
    Map<String, String> capabilities,
    Set<String> required) {

  public Substitution {
    requirements =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(requirements));
    capabilities =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(capabilities));
    required = Set.copyOf(required);
  }
}
