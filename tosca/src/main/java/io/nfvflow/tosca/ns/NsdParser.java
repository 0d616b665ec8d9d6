package io.nfvflow.tosca.ns;

import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.template.Topology;
import io.nfvflow.tosca.vnfd.NodeTemplates;
import io.nfvflow.tosca.vnfd.TemplateKind;
import io.nfvflow.tosca.vnfd.VnfdReader;
import io.nfvflow.tosca.yaml.SafeYamlReader;
import java.util.Map;
import java.util.Optional;

/**
 * Parses and validates NSDs, and reads a VNFD's substitution mappings. Every problem of a template
 * is reported in one {@link io.nfvflow.tosca.ToscaException}, each naming the node and property.
 * Thread-safe.
 */
public final class NsdParser {

  private final SafeYamlReader yaml = new SafeYamlReader();

  /**
   * An NSD with its inputs resolved from {@code params} (the request's {@code param_values.nsd}): a
   * given value wins, else the input's {@code default}; an input with neither is a problem naming
   * it. Each VNFFG group's VNFFGD is parsed with the same values.
   */
  public NsDescriptor parse(Map<String, Object> tree, Map<String, Object> params) {
    requireTree(tree);
    return NsdReader.read(tree, params == null ? Map.of() : params, false);
  }

  /** Like {@link #parse(Map, Map)} from YAML text. */
  public NsDescriptor parse(String text, Map<String, Object> params) {
    return parse(yaml.readMap(text, "descriptor"), params);
  }

  /**
   * Checks an NSD at onboarding, where inputs have no values yet (placeholders stand in), and
   * returns its shape.
   */
  public NsDescriptor validate(Map<String, Object> tree) {
    requireTree(tree);
    return NsdReader.read(tree, Map.of(), true);
  }

  /** Whether a template is an NSD (imports other descriptors and has VNF nodes, no VDU). */
  public static boolean isNsd(Map<String, Object> tree) {
    if (tree == null || !(tree.get("topology_template") instanceof Map<?, ?> topology)) {
      return false;
    }
    return TemplateKind.definesNs(tree, topology)
        && topology.get("node_templates") instanceof Map<?, ?> nodes
        && nodes.values().stream()
            .anyMatch(n -> n instanceof Map<?, ?> node && NsdReader.isVnfType(node.get("type")));
  }

  /**
   * A VNFD's substitution mappings, or empty when it has none.
   *
   * @param vnfdTree the VNFD template as stored
   * @throws ToscaException when the mappings (or the node templates they name) are malformed
   */
  public static Optional<Substitution> substitution(Map<String, Object> vnfdTree) {
    if (vnfdTree == null) {
      return Optional.empty();
    }
    Map<String, Object> topology = VnfdReader.topology(vnfdTree);
    if (!topology.containsKey(SubstitutionReader.KEY)) {
      return Optional.empty();
    }
    Topology nodes = new Topology(NodeTemplates.read(topology.get("node_templates")));
    return Optional.of(
        SubstitutionReader.read(
            topology.get(SubstitutionReader.KEY), vnfdTree.get("node_types"), nodes));
  }

  private static void requireTree(Map<String, Object> tree) {
    if (tree == null) {
      throw ToscaException.invalid(null, null, "descriptor is empty");
    }
    SafeYamlReader.checkDepth(tree);
  }
}
