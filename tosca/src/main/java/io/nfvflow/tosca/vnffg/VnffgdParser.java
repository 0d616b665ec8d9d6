package io.nfvflow.tosca.vnffg;

import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.vnfd.TemplateKind;
import io.nfvflow.tosca.yaml.SafeYamlReader;
import java.util.Map;
import java.util.Set;

/**
 * Parses and validates a VNFFGD: Tacker's {@code FP.TackerV2} and legacy {@code FP.Tacker} shapes,
 * {@code inputs} with {@code get_input} (values from {@code param_values}, else the input's {@code
 * default}). Every problem is reported together in one {@link ToscaException}.
 *
 * <p>Besides Tacker's own rules, the parser checks what networking-sfc would refuse when the VNFFG
 * is created: criteria it cannot express, protocols and ethertypes it does not take, port ranges
 * without tcp or udp, prefixes of the other IP version, malformed port ids, a classifier without a
 * source port (its OVS driver), and classifiers of one VNFFG that overlap. Thread-safe.
 */
public final class VnffgdParser {

  private final SafeYamlReader yaml = new SafeYamlReader();

  /**
   * @param tree the template as a YAML/JSON tree (what {@code template.vnffgd} holds)
   * @param paramValues flat map of input name to value; may be empty
   * @throws ToscaException naming every node, property and reason that is wrong
   */
  public VnffgDescriptor parse(Map<String, Object> tree, Map<String, Object> paramValues) {
    requireTree(tree);
    return VnffgdReader.read(tree, paramValues == null ? Map.of() : paramValues, Set.of());
  }

  /**
   * Parses a VNFFGD given as text (YAML or JSON), at most {@link SafeYamlReader#MAX_DOCUMENT_CHARS}
   * characters.
   *
   * @throws ToscaException naming every node, property and reason that is wrong
   */
  public VnffgDescriptor parse(String text, Map<String, Object> paramValues) {
    return parse(yaml.readMap(text, "descriptor"), paramValues);
  }

  /**
   * Validates a VNFFGD for onboarding, before a VNFFG gives its {@code param_values}: an input
   * without a default stands in with a placeholder that suits what it feeds, every other rule
   * applies (the overlap checks skip classifiers that take a placeholder). The real values are
   * checked when a VNFFG is created, with {@link #parse(Map, Map)}.
   *
   * @return the descriptor read with the placeholders (for checking, not for use)
   * @throws ToscaException naming every node, property and reason that is wrong
   */
  public VnffgDescriptor validate(Map<String, Object> tree) {
    requireTree(tree);
    VnffgdPlaceholders placeholders = new VnffgdPlaceholders(tree);
    return VnffgdReader.read(tree, placeholders.values(), placeholders.names());
  }

  /**
   * Whether a template tree is a VNFFGD: it has a {@code tosca.groups.nfv.VNFFG} group (or
   * forwarding path nodes) and is not a network service. An NSD may hold VNFFG groups too, but it
   * imports the VNFDs it is made of and has VNF nodes instead of VDUs; that one is not a VNFFGD.
   */
  public static boolean isVnffgd(Map<String, Object> tree) {
    if (tree == null || !(tree.get("topology_template") instanceof Map<?, ?> topology)) {
      return false;
    }
    return TemplateKind.definesVnffg(topology) && !TemplateKind.definesNs(tree, topology);
  }

  private static void requireTree(Map<String, Object> tree) {
    if (tree == null) {
      throw ToscaException.invalid(null, null, "descriptor is empty");
    }
    SafeYamlReader.checkDepth(tree);
  }
}
