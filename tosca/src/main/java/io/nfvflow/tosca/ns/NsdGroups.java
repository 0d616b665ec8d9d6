package io.nfvflow.tosca.ns;

import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.template.NodeTemplate;
import io.nfvflow.tosca.template.NodeTypes;
import io.nfvflow.tosca.template.Problems;
import io.nfvflow.tosca.template.Topology;
import io.nfvflow.tosca.vnfd.VnfdReader;
import io.nfvflow.tosca.vnffg.VnffgDescriptor;
import io.nfvflow.tosca.vnffg.VnffgdParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An NSD's {@code groups}: each {@code tosca.groups.nfv.VNFFG} group becomes a VNFFGD of its own
 * (the NSD's inputs, the group's forwarding paths and the group), which {@link VnffgdParser} checks
 * as it would check the VNFFG the NS creates from it. Its problems are reported as the NSD's,
 * prefixed with the group's name.
 */
final class NsdGroups {

  private static final String GROUPS = "topology_template.groups";
  private static final String VNFFG = "tosca.groups.nfv.VNFFG";
  private static final VnffgdParser VNFFGD = new VnffgdParser();

  /**
   * What the groups are read from.
   *
   * @param description the NSD's description ("" when none)
   * @param inputs the NSD's input declarations (with the implicit ones), or null
   * @param groups the raw {@code groups} section, or null
   * @param nodes the NSD's nodes
   */
  record Source(String description, Object inputs, Object groups, Topology nodes) {}

  /** A group whose members are forwarding paths of the NSD. */
  private record Group(String name, Map<String, Object> body, List<String> members) {}

  private NsdGroups() {}

  /**
   * The VNFFG groups, each checked as a VNFFGD.
   *
   * @param params the {@code param_values.nsd} values to parse the VNFFGDs with, or null to
   *     validate them as at onboarding
   */
  static List<VnffgGroup> read(Source source, Map<String, Object> params, Problems problems) {
    List<Group> groups = groups(source, problems);
    List<VnffgGroup> result = new ArrayList<>();
    for (Group group : groups) {
      VnffgGroup read = problems.read(() -> vnffg(source, group, params));
      if (read != null) {
        result.add(read);
      }
    }
    return result;
  }

  /** The groups whose own shape and members are right; the others' problems are recorded. */
  private static List<Group> groups(Source source, Problems problems) {
    Map<String, String> groupOf = new LinkedHashMap<>();
    List<Group> groups = new ArrayList<>();
    if (source.groups() != null && !(source.groups() instanceof Map<?, ?>)) {
      problems.add(ToscaException.invalid(null, GROUPS, "expected a map of " + VNFFG + " groups"));
    } else if (source.groups() instanceof Map<?, ?> map) {
      map.forEach(
          (name, body) -> {
            Group group = problems.read(() -> group(String.valueOf(name), body, source.nodes()));
            if (group != null && problems.read(() -> claim(group, groupOf)) != null) {
              groups.add(group);
            }
          });
    }
    for (NodeTemplate node : source.nodes().nodes()) {
      if (isFp(node.type()) && !groupOf.containsKey(node.name())) {
        problems.add(
            ToscaException.invalid(
                node.name(),
                null,
                "is no member of a "
                    + VNFFG
                    + " group: list it in a group's members (or remove it)"));
      }
    }
    return groups;
  }

  @SuppressWarnings("unchecked")
  private static Group group(String name, Object raw, Topology nodes) {
    if (!(raw instanceof Map<?, ?>)) {
      throw ToscaException.invalid(name, null, "a group must be a map");
    }
    Map<String, Object> body = (Map<String, Object>) NsdReader.copy(raw);
    Object type = body.get("type");
    if (!VNFFG.equals(type)) {
      throw type == null
          ? ToscaException.invalid(name, "type", "a group needs a type")
          : ToscaException.unsupported(
              name, "type", "group type '" + type + "' is not supported (only " + VNFFG + ")");
    }
    if (!(body.get("members") instanceof List<?> members) || members.isEmpty()) {
      throw ToscaException.invalid(
          name, "members", "expected a non-empty list of forwarding path nodes");
    }
    Problems problems = new Problems();
    List<String> names = new ArrayList<>();
    for (Object member : members) {
      String memberName = String.valueOf(member);
      if (!isFp(nodes.typeOf(memberName))) {
        problems.add(
            ToscaException.invalid(
                name,
                "members",
                "'"
                    + memberName
                    + "' must be a forwarding path ("
                    + NodeTypes.FP_V2
                    + " or "
                    + NodeTypes.FP
                    + ") of this NSD, but it is "
                    + nodes.describe(memberName)));
      }
      names.add(memberName);
    }
    problems.throwIfAny();
    return new Group(name, body, names);
  }

  /** Records the group of each member: a forwarding path belongs to one VNFFG. */
  private static Group claim(Group group, Map<String, String> groupOf) {
    Problems problems = new Problems();
    for (String member : group.members()) {
      String other = groupOf.putIfAbsent(member, group.name());
      if (other != null && !other.equals(group.name())) {
        problems.add(
            ToscaException.invalid(
                group.name(),
                "members",
                "'"
                    + member
                    + "' is already a member of group '"
                    + other
                    + "': a forwarding path belongs to one VNFFG"));
      }
    }
    problems.throwIfAny();
    return group;
  }

  private static VnffgGroup vnffg(Source source, Group group, Map<String, Object> params) {
    Map<String, Object> tree = tree(source, group);
    VnffgDescriptor descriptor;
    try {
      descriptor = params == null ? VNFFGD.validate(tree) : VNFFGD.parse(tree, params);
    } catch (ToscaException e) {
      throw prefixed(group.name(), e);
    }
    return new VnffgGroup(group.name(), description(group), descriptor.constituentVnfds(), tree);
  }

  /** The VNFFGD of one group: the NSD's version, description and inputs, its paths and itself. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> tree(Source source, Group group) {
    Map<String, Object> topology = new LinkedHashMap<>();
    if (source.inputs() instanceof Map<?, ?> inputs && !inputs.isEmpty()) {
      topology.put("inputs", NsdReader.copy(inputs));
    }
    Map<String, Object> paths = new LinkedHashMap<>();
    for (String member : group.members()) {
      paths.put(member, NsdReader.copy(source.nodes().node(member).body()));
    }
    topology.put("node_templates", paths);
    topology.put("groups", new LinkedHashMap<>(Map.of(group.name(), group.body())));
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("tosca_definitions_version", VnfdReader.VERSION);
    String description = description(group);
    if (description == null && !source.description().isEmpty()) {
      description = source.description();
    }
    if (description != null) {
      tree.put("description", description);
    }
    tree.put("topology_template", topology);
    return tree;
  }

  private static String description(Group group) {
    Object description = group.body().get("description");
    return description instanceof String text && !text.isBlank() ? text.strip() : null;
  }

  private static ToscaException prefixed(String group, ToscaException e) {
    return new ToscaException(
        e.problems().stream()
            .map(
                p ->
                    new ToscaException.Problem(
                        p.node(),
                        p.property(),
                        "VNFFG group '" + group + "': " + p.reason(),
                        p.unsupported()))
            .toList());
  }

  private static boolean isFp(String type) {
    return NodeTypes.FP.equals(type) || NodeTypes.FP_V2.equals(type);
  }
}
