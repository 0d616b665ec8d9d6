package io.nfvflow.tosca.vnffg;

import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.template.Inputs;
import io.nfvflow.tosca.template.KeyRules;
import io.nfvflow.tosca.template.NodeTemplate;
import io.nfvflow.tosca.template.NodeTypes;
import io.nfvflow.tosca.template.Problems;
import io.nfvflow.tosca.template.Props;
import io.nfvflow.tosca.vnfd.Imports;
import io.nfvflow.tosca.vnfd.MetadataReader;
import io.nfvflow.tosca.vnfd.NodeTemplates;
import io.nfvflow.tosca.vnfd.TemplateKind;
import io.nfvflow.tosca.vnfd.VnfdReader;
import io.nfvflow.tosca.vnffg.ForwardingPathReader.ReadClassifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a whole VNFFG descriptor tree (already loaded from YAML or JSON) into the model. */
final class VnffgdReader {

  static final String VNFFG = "tosca.groups.nfv.VNFFG";

  private static final String TOPOLOGY = "topology_template";
  private static final String GROUPS = TOPOLOGY + ".groups";

  private static final KeyRules TOP_LEVEL =
      KeyRules.keys("tosca_definitions_version", "description", "metadata", "imports", TOPOLOGY)
          .unsupported(
              "custom type definitions are not supported",
              "node_types",
              "data_types",
              "capability_types",
              "relationship_types",
              "policy_types",
              "group_types",
              "interface_types",
              "artifact_types")
          .unsupported("repositories are not supported", "repositories")
          .unsupported("dsl_definitions are not supported", "dsl_definitions");

  private static final KeyRules TOPOLOGY_KEYS =
      KeyRules.keys("description", "inputs", "node_templates", "groups")
          .unsupported(
              "this topology template section is not supported in a VNFFG descriptor",
              "policies",
              "outputs",
              "relationship_templates",
              "workflows",
              "substitution_mappings");

  private static final KeyRules GROUP_KEYS =
      KeyRules.keys("type", "description", "metadata", "properties", "members")
          .unsupported("group interfaces are not supported", "interfaces");

  private static final KeyRules GROUP_PROPERTIES =
      KeyRules.properties(
          "vendor",
          "version",
          "number_of_endpoints",
          "dependent_virtual_link",
          "connection_point",
          "constituent_vnfs");

  /**
   * One VNFFG group; a list that could not be read is null (its problem is recorded), but for
   * {@code members}, which is empty then.
   */
  private record Group(
      String name, List<String> connectionPoints, List<String> vnfds, List<String> members) {}

  private VnffgdReader() {}

  /**
   * Reads and validates a VNFFGD. Past the template's outline, every group, node and classifier is
   * checked even when another has a problem, and the one exception thrown names them all.
   *
   * @param params the parameter values for get_input (may be empty)
   * @param deferred the inputs whose values are onboarding placeholders
   */
  static VnffgDescriptor read(
      Map<String, Object> root, Map<String, Object> params, Set<String> deferred) {
    VnfdReader.requireVersion(root);
    Map<String, Object> topology = VnfdReader.topology(root);
    if (TemplateKind.definesNs(root, topology)) {
      throw ToscaException.unsupported(
          null,
          null,
          "not a VNFFG descriptor: it defines an NS (network service): it imports other"
              + " descriptors and has no VDU");
    }
    Problems problems = new Problems();
    problems.check(() -> TOP_LEVEL.check(null, "", root.keySet()));
    problems.check(() -> Imports.check(root.get("imports")));
    problems.check(() -> TOPOLOGY_KEYS.check(null, TOPOLOGY + ".", topology.keySet()));
    Inputs inputs = problems.require(() -> new Inputs(topology.get("inputs"), params));
    List<NodeTemplate> nodes =
        problems.require(() -> NodeTemplates.read(topology.get("node_templates")));
    List<Group> groups = groups(topology.get("groups"), inputs, problems);

    Map<String, NodeTemplate> byName = new LinkedHashMap<>();
    nodes.forEach(n -> byName.put(n.name(), n));
    Map<String, String> groupOf = membership(groups, byName, problems);

    Map<String, ForwardingPathReader.Read> reads = new LinkedHashMap<>();
    for (NodeTemplate node : nodes) {
      if (!isFp(node.type())) {
        problems.add(notAForwardingPath(node));
        continue;
      }
      String group = groupOf.get(node.name());
      if (group == null) {
        problems.add(
            ToscaException.invalid(
                node.name(),
                null,
                "is no member of a "
                    + VNFFG
                    + " group: list it in a group's members (or remove it)"));
      }
      ForwardingPathReader.Read read =
          problems.read(() -> ForwardingPathReader.read(node, group, inputs, deferred));
      if (read != null && group != null) {
        reads.put(node.name(), read);
      }
    }
    if (nodes.stream().noneMatch(n -> isFp(n.type()))) {
      problems.add(
          ToscaException.invalid(
              null,
              TOPOLOGY + ".node_templates",
              "no forwarding path ("
                  + NodeTypes.FP_V2
                  + " or "
                  + NodeTypes.FP
                  + "): a VNFFG descriptor needs at least one"));
    }

    List<ForwardingPathReader.Read> paths = new ArrayList<>();
    Set<String> vnfds = new LinkedHashSet<>();
    for (Group group : groups) {
      if (group.vnfds() != null) {
        vnfds.addAll(group.vnfds());
      }
      for (String member : group.members()) {
        ForwardingPathReader.Read read = reads.get(member);
        if (read != null && group.name().equals(read.path().group())) {
          checkAgainstGroup(read, group, problems);
          paths.add(read);
        }
      }
    }
    checkPathIds(paths, problems);
    checkConflicts(paths, problems);
    Map<String, String> metadata =
        problems.read(() -> MetadataReader.metadata(root.get("metadata")));
    String description = problems.read(() -> VnfdReader.description(root));
    problems.throwIfAny();
    return new VnffgDescriptor(
        metadata.get("template_name"),
        description.isEmpty() ? null : description,
        paths.stream().map(ForwardingPathReader.Read::path).toList(),
        List.copyOf(vnfds));
  }

  static boolean isFp(String type) {
    return NodeTypes.FP_V2.equals(type) || NodeTypes.FP.equals(type);
  }

  private static ToscaException notAForwardingPath(NodeTemplate node) {
    String type = node.type();
    String where =
        switch (type) {
          case NodeTypes.VDU, NodeTypes.CP, NodeTypes.VL -> "; a " + type + " belongs in a VNFD";
          default ->
              type.startsWith("tosca.nodes.nfv.VNF")
                  ? "; a VNF node belongs in a network service descriptor"
                  : "";
        };
    return ToscaException.invalid(
        node.name(),
        null,
        "node type '"
            + type
            + "' does not belong in a VNFFG descriptor, whose nodes are forwarding paths ("
            + NodeTypes.FP_V2
            + " or "
            + NodeTypes.FP
            + ")"
            + where);
  }

  /** The VNFFG groups read without a problem; the problems of the others go to {@code problems}. */
  private static List<Group> groups(Object raw, Inputs inputs, Problems problems) {
    if (raw == null) {
      problems.add(
          ToscaException.invalid(
              null,
              GROUPS,
              "missing: a VNFFG descriptor needs a "
                  + VNFFG
                  + " group whose members are its forwarding paths"));
      return List.of();
    }
    if (!(raw instanceof Map<?, ?> map) || map.isEmpty()) {
      problems.add(
          ToscaException.invalid(null, GROUPS, "expected a non-empty map of " + VNFFG + " groups"));
      return List.of();
    }
    List<Group> groups = new ArrayList<>();
    map.forEach(
        (name, body) -> {
          Group group = problems.read(() -> group(String.valueOf(name), body, inputs, problems));
          if (group != null) {
            groups.add(group);
          }
        });
    return groups;
  }

  /**
   * Reads a group: refused (null) when it is no VNFFG group, else read with every problem of its
   * keys and properties recorded in {@code problems}, so that its members still count as members.
   */
  private static Group group(String name, Object raw, Inputs inputs, Problems problems) {
    if (!(raw instanceof Map<?, ?>)) {
      throw ToscaException.invalid(name, null, "a group must be a map");
    }
    Props body = Props.of(name, "", raw, inputs);
    String type = body.string("type");
    if (type == null || type.isBlank()) {
      throw ToscaException.invalid(name, "type", "a group needs a type");
    }
    if (!type.equals(VNFFG)) {
      throw ToscaException.unsupported(
          name, "type", "group type '" + type + "' is not supported (only " + VNFFG + ")");
    }
    problems.check(() -> body.check(GROUP_KEYS));
    Props props = problems.read(() -> Props.of(name, "", body.value("properties"), inputs));
    List<String> cps = null;
    List<String> vnfds = null;
    if (props != null) {
      problems.check(() -> props.check(GROUP_PROPERTIES));
      problems.check(() -> props.requiredString("vendor"));
      problems.check(() -> props.requiredString("version"));
      Integer endpoints =
          problems.read(() -> required(props, "number_of_endpoints", props::integer));
      problems.check(() -> required(props, "dependent_virtual_link", props::stringList));
      cps = problems.read(() -> nonEmpty(props, "connection_point"));
      vnfds = problems.read(() -> nonEmpty(props, "constituent_vnfs"));
      if (endpoints != null && cps != null && endpoints != cps.size()) {
        problems.add(
            props.invalid(
                "number_of_endpoints",
                "is "
                    + endpoints
                    + " but connection_point lists "
                    + cps.size()
                    + ": they must agree (Tacker: VnffgdWrongEndpointNumber)"));
      }
    }
    List<String> members = problems.read(() -> nonEmpty(body, "members"));
    return new Group(name, cps, vnfds, members == null ? List.of() : members);
  }

  private static <T> T required(
      Props props, String key, java.util.function.Function<String, T> reader) {
    if (props.value(key) == null) {
      throw props.invalid(key, "is required");
    }
    return reader.apply(key);
  }

  private static List<String> nonEmpty(Props props, String key) {
    List<String> list = required(props, key, props::stringList);
    if (list.isEmpty()) {
      throw props.invalid(key, "is empty");
    }
    return list;
  }

  /** FP node name to its group; each member must be an FP node of one group. */
  private static Map<String, String> membership(
      List<Group> groups, Map<String, NodeTemplate> nodes, Problems problems) {
    Map<String, String> groupOf = new LinkedHashMap<>();
    for (Group group : groups) {
      for (String member : group.members()) {
        NodeTemplate node = nodes.get(member);
        if (node == null) {
          problems.add(
              ToscaException.invalid(
                  group.name(), "members", "'" + member + "' is no node of this template"));
        } else if (!isFp(node.type())) {
          problems.add(
              ToscaException.invalid(
                  group.name(),
                  "members",
                  "'"
                      + member
                      + "' is a node of type '"
                      + node.type()
                      + "', not a forwarding path ("
                      + NodeTypes.FP_V2
                      + " or "
                      + NodeTypes.FP
                      + ")"));
        } else if (groupOf.containsKey(member)) {
          problems.add(
              ToscaException.invalid(
                  group.name(),
                  "members",
                  "'"
                      + member
                      + "' is already a member of group '"
                      + groupOf.get(member)
                      + "': a forwarding path belongs to one VNFFG"));
        } else {
          groupOf.put(member, group.name());
        }
      }
    }
    return groupOf;
  }

  /** The path's forwarders are the group's VNFDs, its capabilities the group's CPs. */
  private static void checkAgainstGroup(
      ForwardingPathReader.Read read, Group group, Problems problems) {
    String node = read.path().name();
    for (ForwardingPathReader.PathEntry e : read.entries()) {
      String at = "path[" + e.index() + "]";
      if (group.vnfds() != null && !group.vnfds().contains(e.forwarder())) {
        problems.add(
            ToscaException.invalid(
                node,
                at + ".forwarder",
                "'"
                    + e.forwarder()
                    + "' is not one of group '"
                    + group.name()
                    + "''s constituent_vnfs "
                    + group.vnfds()));
      }
      if (group.connectionPoints() != null && !group.connectionPoints().contains(e.capability())) {
        problems.add(
            ToscaException.invalid(
                node,
                at + ".capability",
                "'"
                    + e.capability()
                    + "' is not in group '"
                    + group.name()
                    + "''s connection_point "
                    + group.connectionPoints()));
      }
    }
  }

  /** A path id is one port chain's networking-sfc chain_id. */
  private static void checkPathIds(List<ForwardingPathReader.Read> paths, Problems problems) {
    Map<Integer, String> owners = new LinkedHashMap<>();
    for (ForwardingPathReader.Read read : paths) {
      Integer id = read.path().pathId();
      if (id == null || read.idDeferred()) {
        continue;
      }
      String owner = owners.putIfAbsent(id, read.path().name());
      if (owner != null) {
        problems.add(
            ToscaException.invalid(
                read.path().name(),
                "id",
                "path id "
                    + id
                    + " is also forwarding path '"
                    + owner
                    + "''s: a path id is one port chain's chain_id"));
      }
    }
  }

  /**
   * The flow classifiers of one VNFFG are created side by side, so networking-sfc's overlap rules
   * apply between all of them (see {@link FlowConflicts}).
   */
  private static void checkConflicts(List<ForwardingPathReader.Read> paths, Problems problems) {
    record Entry(String path, ReadClassifier read) {}
    List<Entry> all = new ArrayList<>();
    for (ForwardingPathReader.Read read : paths) {
      read.classifiers().forEach(c -> all.add(new Entry(read.path().name(), c)));
    }
    for (int j = 1; j < all.size(); j++) {
      Entry later = all.get(j);
      if (later.read().deferred()) {
        continue;
      }
      for (Entry earlier : all.subList(0, j)) {
        if (earlier.read().deferred()) {
          continue;
        }
        FlowMatch a = earlier.read().classifier().match();
        FlowMatch b = later.read().classifier().match();
        String other =
            (earlier.path().equals(later.path())
                    ? ""
                    : "forwarding path '" + earlier.path() + "''s ")
                + earlier.read().property();
        if (FlowConflicts.full(a, b)) {
          problems.add(
              ToscaException.unsupported(
                  later.path(),
                  later.read().property(),
                  "overlaps "
                      + other
                      + " (the same ethertype, overlapping protocol, prefixes, ports and Neutron"
                      + " ports): networking-sfc refuses a flow classifier that overlaps another"
                      + " (FlowClassifierInConflict)"));
          break;
        }
        if (!earlier.path().equals(later.path()) && FlowConflicts.basic(a, b)) {
          problems.add(
              ToscaException.unsupported(
                  later.path(),
                  later.read().property(),
                  "overlaps "
                      + other
                      + " in ethertype, protocol, prefixes and ports: networking-sfc refuses two"
                      + " port chains whose classifiers overlap so, whatever their Neutron ports"
                      + " (PortChainFlowClassifierInConflict)"));
          break;
        }
      }
    }
  }
}
