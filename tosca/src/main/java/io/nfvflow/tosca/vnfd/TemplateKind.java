package io.nfvflow.tosca.vnfd;

import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.template.NodeTypes;
import java.util.List;
import java.util.Map;

/**
 * Tells a VNF descriptor from the other Tacker templates that share its TOSCA version: forwarding
 * graph (VNFFG) and network service (NS) descriptors. Those are refused up front with a message
 * that says what they are. (A VNFD written to be substituted into an NS is a VNFD.)
 */
public final class TemplateKind {

  private static final String VNFFG_GROUP = "tosca.groups.nfv.VNFFG";
  private static final String NOT_SUPPORTED = " (not supported by this parser)";

  private TemplateKind() {}

  static void requireVnfd(Map<String, Object> root, Map<?, ?> topology) {
    boolean vnffg = definesVnffg(topology);
    boolean ns = definesNs(root, topology);
    if (vnffg || ns) {
      String what =
          ns && vnffg
              ? "an NS (network service) with VNFFGs (forwarding graphs)"
              : ns ? "an NS (network service)" : "a VNFFG (forwarding graph)";
      throw ToscaException.unsupported(
          null, null, "not a VNF descriptor: it defines " + what + NOT_SUPPORTED);
    }
  }

  /**
   * Whether a topology has forwarding paths (FP nodes) or a {@code tosca.groups.nfv.VNFFG} group.
   */
  public static boolean definesVnffg(Map<?, ?> topology) {
    for (Object node : values(topology.get("node_templates"))) {
      Object type = node instanceof Map<?, ?> map ? map.get("type") : null;
      if (NodeTypes.FP.equals(type) || NodeTypes.FP_V2.equals(type)) {
        return true;
      }
    }
    for (Object group : values(topology.get("groups"))) {
      if (group instanceof Map<?, ?> map && VNFFG_GROUP.equals(map.get("type"))) {
        return true;
      }
    }
    return false;
  }

  /** An NS imports other (already onboarded) descriptors and has no VDU of its own. */
  public static boolean definesNs(Map<String, Object> root, Map<?, ?> topology) {
    boolean importsDescriptors = false;
    if (root.get("imports") instanceof List<?> imports) {
      importsDescriptors = imports.stream().anyMatch(i -> !Imports.isTackerTypes(i));
    }
    boolean hasVdu =
        values(topology.get("node_templates")).stream()
            .anyMatch(n -> n instanceof Map<?, ?> m && NodeTypes.VDU.equals(m.get("type")));
    return importsDescriptors && !hasVdu;
  }

  private static List<Object> values(Object section) {
    return section instanceof Map<?, ?> map
        ? List.copyOf(map.values().stream().filter(v -> v != null).toList())
        : List.of();
  }
}
