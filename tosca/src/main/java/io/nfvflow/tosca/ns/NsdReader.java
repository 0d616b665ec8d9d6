package io.nfvflow.tosca.ns;

import io.nfvflow.tosca.OnboardingPlaceholders;
import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.VirtualLink;
import io.nfvflow.tosca.network.VirtualLinkReader;
import io.nfvflow.tosca.template.Inputs;
import io.nfvflow.tosca.template.KeyRules;
import io.nfvflow.tosca.template.NodeKeys;
import io.nfvflow.tosca.template.NodeTemplate;
import io.nfvflow.tosca.template.NodeTypes;
import io.nfvflow.tosca.template.Problems;
import io.nfvflow.tosca.template.Requirements;
import io.nfvflow.tosca.template.Topology;
import io.nfvflow.tosca.vnfd.Imports;
import io.nfvflow.tosca.vnfd.MetadataReader;
import io.nfvflow.tosca.vnfd.NodeTemplates;
import io.nfvflow.tosca.vnfd.VnfdReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a whole NSD tree (already loaded from YAML or JSON) into the model. */
final class NsdReader {

  private static final String TOPOLOGY = "topology_template";
  private static final String NODE_TEMPLATES = TOPOLOGY + ".node_templates";

  private static final KeyRules TOP_LEVEL =
      KeyRules.keys("tosca_definitions_version", "description", "metadata", "imports", TOPOLOGY)
          .unsupported(
              "custom type definitions are not supported: an NSD's VNF nodes are typed by the"
                  + " node_types of the VNFDs it imports",
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
              "this topology template section is not supported in a network service descriptor",
              "policies",
              "outputs",
              "relationship_templates",
              "workflows",
              "substitution_mappings");

  private static final KeyRules VNF_KEYS = NodeKeys.allowing("requirements");

  private NsdReader() {}

  /**
   * Reads and validates an NSD. Past the template's outline (version, topology), every node and
   * group is checked even when another has a problem, and the one exception thrown names them all.
   *
   * @param params the {@code param_values.nsd} values (ignored when onboarding)
   * @param onboarding whether inputs without a default take placeholders
   */
  static NsDescriptor read(
      Map<String, Object> root, Map<String, Object> params, boolean onboarding) {
    VnfdReader.requireVersion(root);
    Map<String, Object> topology = VnfdReader.topology(root);
    Object declared = NsdInputs.declarations(topology);
    Map<String, Object> values =
        onboarding
            ? new OnboardingPlaceholders(NsdInputs.withInputs(root, declared)).values()
            : params;
    Problems problems = new Problems();
    problems.check(() -> TOP_LEVEL.check(null, "", root.keySet()));
    problems.check(() -> TOPOLOGY_KEYS.check(null, TOPOLOGY + ".", topology.keySet()));
    List<String> imports = problems.read(() -> imports(root.get("imports")));
    Inputs inputs = problems.require(() -> new Inputs(declared, values));
    Topology nodes =
        new Topology(problems.require(() -> NodeTemplates.read(topology.get("node_templates"))));
    List<VnfNode> vnfs = new ArrayList<>();
    List<NsVirtualLink> links = new ArrayList<>();
    for (NodeTemplate node : nodes.nodes()) {
      switch (node.type()) {
        case NodeTypes.VL -> problems.check(() -> links.add(virtualLink(node, inputs)));
        case NodeTypes.FP, NodeTypes.FP_V2 -> {} // read with their group
        case NodeTypes.VDU, NodeTypes.CP ->
            problems.add(
                ToscaException.invalid(
                    node.name(),
                    null,
                    "node type '" + node.type() + "' belongs in a VNFD, not in an NSD"));
        default -> problems.check(() -> vnfs.add(vnf(node, nodes)));
      }
    }
    if (nodes.nodes().stream().noneMatch(NsdReader::isVnf)) {
      problems.add(
          ToscaException.invalid(
              null,
              NODE_TEMPLATES,
              "no VNF node: an NSD needs at least one (a node whose type is the"
                  + " substitution_mappings.node_type of a VNFD it imports)"));
    }
    Map<String, String> metadata = problems.read(() -> metadata(root.get("metadata")));
    String description = problems.read(() -> VnfdReader.description(root));
    List<VnffgGroup> vnffgs =
        NsdGroups.read(
            new NsdGroups.Source(
                description == null ? "" : description, declared, topology.get("groups"), nodes),
            onboarding ? null : params,
            problems);
    problems.throwIfAny();
    return new NsDescriptor(
        description.isEmpty() ? null : description,
        metadata.get("template_name"),
        imports,
        vnfs,
        links,
        vnffgs);
  }

  /** Whether a node is a VNF node: any type but the NSD's own (VL, FP) and a VNFD's. */
  static boolean isVnf(NodeTemplate node) {
    return isVnfType(node.type());
  }

  static boolean isVnfType(Object type) {
    return type instanceof String t
        && !Set.of(NodeTypes.VL, NodeTypes.FP, NodeTypes.FP_V2, NodeTypes.VDU, NodeTypes.CP)
            .contains(t);
  }

  /** The VNFD names: Tacker looks each up among the onboarded VNFDs. */
  private static List<String> imports(Object raw) {
    if (raw == null || (raw instanceof List<?> empty && empty.isEmpty())) {
      throw ToscaException.invalid(
          null,
          "imports",
          "VNFD import section is missing: list the names of the onboarded VNFDs this NSD is"
              + " made of");
    }
    if (!(raw instanceof List<?> list)) {
      throw ToscaException.invalid(null, "imports", "expected a list of VNFD names");
    }
    Problems problems = new Problems();
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      Object entry = list.get(i);
      String property = "imports[" + i + "]";
      if (!(entry instanceof String name) || name.isBlank()) {
        problems.add(ToscaException.invalid(null, property, "expected the name of a VNFD"));
      } else if (Imports.isTackerTypes(name)) {
        problems.add(
            ToscaException.invalid(
                null,
                property,
                "'"
                    + name
                    + "' is a Tacker type file, not a VNFD: an NSD imports the onboarded VNFDs it"
                    + " is made of (Tacker's types are built in)"));
      } else if (!seen.add(name)) {
        problems.add(ToscaException.invalid(null, property, "'" + name + "' is imported twice"));
      } else {
        names.add(name);
      }
    }
    problems.throwIfAny();
    return names;
  }

  /** An NSD's VL names an existing network: Tacker creates none for an NS. */
  private static NsVirtualLink virtualLink(NodeTemplate node, Inputs inputs) {
    VirtualLink vl = VirtualLinkReader.read(node, inputs);
    if (vl.createsNetwork()) {
      throw ToscaException.unsupported(
          node.name(),
          "cidr",
          "an NSD's VL names an existing network (network_name); creating one with a subnet is"
              + " not supported");
    }
    return new NsVirtualLink(vl.name(), vl.networkName(), vl.vendor());
  }

  private static VnfNode vnf(NodeTemplate node, Topology nodes) {
    Problems problems = new Problems();
    problems.check(() -> VNF_KEYS.check(node.name(), "", node.body().keySet()));
    Map<String, String> requirements =
        problems.require(() -> Requirements.readAny(node.name(), node.section("requirements")));
    requirements.forEach(
        (name, target) -> {
          if (!nodes.isVl(target)) {
            problems.add(
                ToscaException.invalid(
                    node.name(),
                    "requirements." + name,
                    "'"
                        + target
                        + "' must be a VL ("
                        + NodeTypes.VL
                        + ") of this NSD, but it is "
                        + nodes.describe(target)));
          }
        });
    problems.throwIfAny();
    return new VnfNode(node.name(), node.type(), requirements);
  }

  /** Plain metadata; an NS's workflows are nfvflow's own (ns-create, ns-delete). */
  private static Map<String, String> metadata(Object raw) {
    if (raw instanceof Map<?, ?> map && map.containsKey("workflows")) {
      throw ToscaException.unsupported(
          null,
          "metadata.workflows",
          "an NSD cannot name workflows: a network service runs nfvflow's own");
    }
    return MetadataReader.metadata(raw);
  }

  /** A copy of a tree: maps (keys as text, in order) and lists copied, values shared. */
  static Object copy(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), copy(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      return new ArrayList<>(list.stream().map(NsdReader::copy).toList());
    }
    return value;
  }
}
