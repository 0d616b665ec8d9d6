package io.nfvflow.tosca.ns;

import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.template.NodeTemplate;
import io.nfvflow.tosca.template.NodeTypes;
import io.nfvflow.tosca.template.Problems;
import io.nfvflow.tosca.template.Topology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A VNF's {@code param_values.substitution_mappings}, in the shape Tacker's NS gives it: {@code
 * requirements} maps each requirement of the VNFD's substitution to the name of a VL node, and
 * every other key is such a VL node. Binding adds those VL nodes to the VNFD's topology and links
 * the connection point of each requirement to its VL (replacing a link it had).
 *
 * @param links connection point name to the VL node bound to it, in order
 * @param virtualLinks the VL nodes to add
 */
public record SubstitutionBinding(Map<String, String> links, List<NodeTemplate> virtualLinks) {

  /** The key of a VNF's param_values that holds a binding (it is not an input). */
  public static final String KEY = "substitution_mappings";

  private static final String PROPERTY = "param_values." + KEY;
  private static final String REQUIREMENTS = "requirements";
  private static final String VIRTUAL_LINK = "virtualLink";

  public SubstitutionBinding {
    links = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(links));
    virtualLinks = List.copyOf(virtualLinks);
  }

  /**
   * Reads a binding.
   *
   * @param raw the {@code param_values.substitution_mappings} value
   * @param substitution the VNFD's substitution mappings, or null when it has none
   * @param vnfd the VNFD's nodes, which a bound VL must not collide with
   * @throws ToscaException naming every problem
   */
  public static SubstitutionBinding read(Object raw, Substitution substitution, Topology vnfd) {
    if (substitution == null) {
      throw ToscaException.invalid(
          null,
          PROPERTY,
          "the VNFD has no topology_template.substitution_mappings, so no virtual link can be"
              + " bound to it");
    }
    if (!(raw instanceof Map<?, ?> map)) {
      throw ToscaException.invalid(null, PROPERTY, "expected a map");
    }
    Map<String, Object> entries = new LinkedHashMap<>();
    map.forEach((k, v) -> entries.put(String.valueOf(k), v));
    if (!(entries.remove(REQUIREMENTS) instanceof Map<?, ?> requirements)) {
      throw ToscaException.invalid(
          null,
          PROPERTY + "." + REQUIREMENTS,
          "missing or not a map: name the VL node each requirement binds to");
    }
    Problems problems = new Problems();
    Map<String, String> links = new LinkedHashMap<>();
    Map<String, NodeTemplate> used = new LinkedHashMap<>();
    requirements.forEach(
        (name, target) ->
            problems.check(
                () ->
                    bind(String.valueOf(name), target, substitution, entries, vnfd, links, used)));
    entries.keySet().stream()
        .filter(name -> !requirements.containsValue(name))
        .forEach(
            name ->
                problems.add(
                    ToscaException.invalid(
                        null,
                        PROPERTY + "." + name,
                        "no requirement names this VL node: bind it in "
                            + PROPERTY
                            + "."
                            + REQUIREMENTS
                            + " or remove it")));
    problems.throwIfAny();
    return new SubstitutionBinding(links, List.copyOf(used.values()));
  }

  private static void bind(
      String requirement,
      Object target,
      Substitution substitution,
      Map<String, Object> entries,
      Topology vnfd,
      Map<String, String> links,
      Map<String, NodeTemplate> used) {
    String property = PROPERTY + "." + REQUIREMENTS + "." + requirement;
    String cp = substitution.requirements().get(requirement);
    if (cp == null) {
      throw ToscaException.invalid(
          null,
          property,
          "the VNFD's substitution_mappings maps no requirement '"
              + requirement
              + "' (it maps "
              + substitution.requirements().keySet()
              + ")");
    }
    if (!(target instanceof String vl) || vl.isBlank()) {
      throw ToscaException.invalid(null, property, "must name a VL node");
    }
    if (!entries.containsKey(vl)) {
      throw ToscaException.invalid(
          null, property, "names VL node '" + vl + "', which " + PROPERTY + " does not define");
    }
    NodeTemplate node =
        used.containsKey(vl) ? used.get(vl) : virtualLink(vl, entries.get(vl), vnfd);
    used.put(vl, node);
    links.put(cp, vl);
  }

  private static NodeTemplate virtualLink(String name, Object body, Topology vnfd) {
    String property = PROPERTY + "." + name;
    if (vnfd.typeOf(name) != null) {
      throw ToscaException.invalid(
          null,
          property,
          "collides with node '"
              + name
              + "' of the VNFD ("
              + vnfd.describe(name)
              + "): a bound VL needs a name of its own");
    }
    if (!(body instanceof Map<?, ?> map)) {
      throw ToscaException.invalid(null, property, "a VL node must be a map");
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach(
        (k, v) -> {
          if (v != null) {
            copy.put(String.valueOf(k), v);
          }
        });
    if (!NodeTypes.VL.equals(copy.get("type"))) {
      throw ToscaException.invalid(
          null, property + ".type", "a bound node must be a VL (" + NodeTypes.VL + ")");
    }
    return new NodeTemplate(name, NodeTypes.VL, copy);
  }

  /**
   * The VNFD's nodes with the bound VLs added and each bound connection point's {@code virtualLink}
   * requirement pointing at its VL.
   */
  public List<NodeTemplate> apply(List<NodeTemplate> nodes) {
    List<NodeTemplate> bound = new ArrayList<>();
    for (NodeTemplate node : nodes) {
      String vl = links.get(node.name());
      bound.add(vl == null ? node : linked(node, vl));
    }
    bound.addAll(virtualLinks);
    return bound;
  }

  private static NodeTemplate linked(NodeTemplate cp, String vl) {
    Object raw = cp.section(REQUIREMENTS);
    if (raw != null && !(raw instanceof List<?>)) {
      return cp; // malformed: the connection point's reader says so
    }
    List<Object> requirements = new ArrayList<>();
    if (raw instanceof List<?> list) {
      for (Object entry : list) {
        if (!(entry instanceof Map<?, ?> map && map.containsKey(VIRTUAL_LINK))) {
          requirements.add(entry);
        }
      }
    }
    requirements.add(Map.of(VIRTUAL_LINK, vl));
    Map<String, Object> body = new LinkedHashMap<>(cp.body());
    body.put(REQUIREMENTS, requirements);
    return new NodeTemplate(cp.name(), cp.type(), body);
  }
}
