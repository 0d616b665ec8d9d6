package io.nfvflow.tosca.ns;

import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.template.Inputs;
import io.nfvflow.tosca.template.KeyRules;
import io.nfvflow.tosca.template.NodeTypes;
import io.nfvflow.tosca.template.Problems;
import io.nfvflow.tosca.template.Props;
import io.nfvflow.tosca.template.Topology;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a VNFD's {@code topology_template.substitution_mappings} and the {@code node_types} entry
 * that declares its node type, as Tacker writes VNFDs meant to be nodes of an NSD.
 */
public final class SubstitutionReader {

  /** The key of {@code topology_template} that holds the mappings. */
  public static final String KEY = "substitution_mappings";

  /** The section's path, for messages. */
  public static final String SECTION = "topology_template." + KEY;

  private static final String NODE_TYPES = "node_types";

  private static final KeyRules KEYS =
      KeyRules.keys("node_type", "requirements", "capabilities")
          .unsupported(
              "only node_type, requirements and capabilities of substitution_mappings are"
                  + " supported",
              "properties",
              "attributes",
              "interfaces",
              "substitution_filter");

  private static final KeyRules NODE_TYPE_KEYS =
      KeyRules.keys("derived_from", "description", "requirements", "capabilities")
          .unsupported(
              "a substituted node type may only declare requirements and capabilities",
              "properties",
              "attributes",
              "interfaces",
              "artifacts",
              "version",
              "metadata");

  private SubstitutionReader() {}

  /**
   * Reads the mappings.
   *
   * @param raw the {@code substitution_mappings} value
   * @param nodeTypes the template's {@code node_types} value, or null
   * @param nodes the VNFD's node templates, which the mappings must name
   * @throws ToscaException naming every problem
   */
  public static Substitution read(Object raw, Object nodeTypes, Topology nodes) {
    if (!(raw instanceof Map<?, ?>)) {
      throw ToscaException.invalid(null, SECTION, "expected a map");
    }
    Props props = Props.of(null, SECTION, raw, Inputs.NONE);
    Problems problems = new Problems();
    problems.check(() -> props.check(KEYS));
    String nodeType = problems.read(() -> props.requiredString("node_type"));
    Map<String, String> requirements =
        problems.read(() -> mappings(props, "requirements", "virtualLink", nodes));
    Map<String, String> capabilities =
        problems.read(() -> mappings(props, "capabilities", "forwarder", nodes));
    problems.check(() -> requireDistinctCps(props, requirements));
    Set<String> required = problems.read(() -> required(nodeTypes, nodeType));
    problems.throwIfAny();
    return new Substitution(nodeType, requirements, capabilities, required);
  }

  /**
   * Connection point to the requirement mapped to it, read as far as the raw mappings allow: for a
   * VNFD whose mappings have problems, so that its CPs are judged as the author meant them.
   */
  public static Map<String, String> mappedConnectionPoints(Object raw) {
    Map<String, String> mapped = new LinkedHashMap<>();
    if (raw instanceof Map<?, ?> mappings
        && mappings.get("requirements") instanceof Map<?, ?> requirements) {
      requirements.forEach(
          (name, pair) -> {
            if (pair instanceof List<?> list
                && !list.isEmpty()
                && list.get(0) instanceof String cp) {
              mapped.putIfAbsent(cp, String.valueOf(name));
            }
          });
    }
    return mapped;
  }

  /** Name to CP: each entry is {@code [CP, <what>]} naming a CP node of the VNFD. */
  private static Map<String, String> mappings(
      Props props, String key, String what, Topology nodes) {
    Map<String, String> result = new LinkedHashMap<>();
    Props section = props.child(key);
    Problems problems = new Problems();
    for (String name : section.keys()) {
      String cp = problems.read(() -> mapping(section, name, what, nodes));
      if (cp != null) {
        result.put(name, cp);
      }
    }
    problems.throwIfAny();
    return result;
  }

  private static String mapping(Props section, String name, String what, Topology nodes) {
    List<String> pair = section.stringList(name);
    if (pair.size() != 2) {
      throw section.invalid(
          name, "expected a two-element list [<connection point>, " + what + "], got " + pair);
    }
    String cp = pair.get(0);
    if (!NodeTypes.CP.equals(nodes.typeOf(cp))) {
      throw section.invalid(
          name,
          "'"
              + cp
              + "' must be a connection point ("
              + NodeTypes.CP
              + ") of this VNFD, but it is "
              + nodes.describe(cp));
    }
    if (!what.equals(pair.get(1))) {
      throw section.invalid(
          name, "the second element must be '" + what + "', not '" + pair.get(1) + "'");
    }
    return cp;
  }

  /** A CP has one virtual link, so one requirement can provide it. */
  private static void requireDistinctCps(Props props, Map<String, String> requirements) {
    if (requirements == null) {
      return;
    }
    Map<String, String> requirementOf = new LinkedHashMap<>();
    Problems problems = new Problems();
    requirements.forEach(
        (name, cp) -> {
          String other = requirementOf.putIfAbsent(cp, name);
          if (other != null) {
            problems.add(
                props.invalid(
                    "requirements." + name,
                    "maps connection point '"
                        + cp
                        + "' that requirement '"
                        + other
                        + "' maps too: a connection point has one virtual link"));
          }
        });
    problems.throwIfAny();
  }

  /** The requirements {@code node_types} declares {@code required: true}. */
  private static Set<String> required(Object raw, String nodeType) {
    Set<String> required = new LinkedHashSet<>();
    if (raw == null) {
      return required;
    }
    if (!(raw instanceof Map<?, ?> types)) {
      throw ToscaException.invalid(null, NODE_TYPES, "expected a map of node types");
    }
    Problems problems = new Problems();
    types.forEach(
        (name, body) -> {
          if (!String.valueOf(name).equals(nodeType)) {
            problems.add(
                ToscaException.unsupported(
                    null,
                    NODE_TYPES + "." + name,
                    "custom type definitions are not supported: node_types may only declare"
                        + " the node type of substitution_mappings ('"
                        + nodeType
                        + "')"));
          } else {
            problems.check(() -> required.addAll(requiredOf(String.valueOf(name), body)));
          }
        });
    problems.throwIfAny();
    return required;
  }

  private static Set<String> requiredOf(String type, Object body) {
    String path = NODE_TYPES + "." + type;
    if (body == null) {
      return Set.of();
    }
    if (!(body instanceof Map<?, ?>)) {
      throw ToscaException.invalid(null, path, "a node type must be a map");
    }
    Props props = Props.of(null, path, body, Inputs.NONE);
    Problems problems = new Problems();
    problems.check(() -> props.check(NODE_TYPE_KEYS));
    problems.check(() -> props.child("capabilities"));
    Set<String> required = new LinkedHashSet<>();
    List<Object> entries = problems.read(() -> props.list("requirements"));
    for (Object entry : entries == null ? List.of() : entries) {
      problems.check(() -> required.addAll(requiredEntry(props, entry)));
    }
    problems.throwIfAny();
    return required;
  }

  private static Set<String> requiredEntry(Props props, Object entry) {
    if (!(entry instanceof Map<?, ?> map) || map.size() != 1) {
      throw props.invalid(
          "requirements", "each requirement must be a single 'name: definition' entry");
    }
    String name = String.valueOf(map.keySet().iterator().next());
    Object definition = map.get(name);
    if (definition != null && !(definition instanceof Map<?, ?>)) {
      throw props.invalid("requirements." + name, "a requirement definition must be a map");
    }
    Props def = Props.of(null, props.path("requirements." + name), definition, Inputs.NONE);
    return Boolean.TRUE.equals(def.bool("required")) ? Set.of(name) : Set.of();
  }
}
