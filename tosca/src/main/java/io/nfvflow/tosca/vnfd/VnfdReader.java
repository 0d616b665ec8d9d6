package io.nfvflow.tosca.vnfd;

import io.nfvflow.tosca.ConnectionPoint;
import io.nfvflow.tosca.ContainerVdu;
import io.nfvflow.tosca.MonitoringPolicy;
import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.Vdu;
import io.nfvflow.tosca.VirtualLink;
import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.tosca.network.ConnectionPointReader;
import io.nfvflow.tosca.network.VirtualLinkReader;
import io.nfvflow.tosca.ns.Substitution;
import io.nfvflow.tosca.ns.SubstitutionBinding;
import io.nfvflow.tosca.ns.SubstitutionReader;
import io.nfvflow.tosca.policy.PolicyReader;
import io.nfvflow.tosca.template.Inputs;
import io.nfvflow.tosca.template.KeyRules;
import io.nfvflow.tosca.template.NodeTemplate;
import io.nfvflow.tosca.template.NodeTypes;
import io.nfvflow.tosca.template.Problems;
import io.nfvflow.tosca.template.Topology;
import io.nfvflow.tosca.vdu.VduReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a whole VNF descriptor tree (already loaded from YAML or JSON) into the model. */
public final class VnfdReader {

  /** The one TOSCA version Tacker's VNFDs use. */
  public static final String VERSION = "tosca_simple_profile_for_nfv_1_0_0";

  private static final String TOPOLOGY = "topology_template";
  private static final String SUBSTITUTION = "substitution_mappings";
  private static final String NODE_TYPES = "node_types";

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
      KeyRules.keys("description", "inputs", "node_templates", "policies", SUBSTITUTION)
          .unsupported(
              "this topology template section is not supported",
              "outputs",
              "groups",
              "relationship_templates",
              "workflows");

  private VnfdReader() {}

  /**
   * Reads and validates a descriptor for instantiation. Past the template's outline (version,
   * topology, kind), every node, policy and section is checked even when another one has a problem,
   * and the one exception thrown names them all.
   *
   * @param root the loaded template
   * @param params the parameter values for get_input (may be empty); its {@code
   *     substitution_mappings} entry, if any, binds network service VLs (see {@link
   *     SubstitutionBinding})
   */
  public static VnfDescriptor read(Map<String, Object> root, Map<String, Object> params) {
    return read(root, params, false);
  }

  /**
   * Reads and validates a descriptor.
   *
   * @param onboarding whether it is being onboarded: a connection point that substitution_mappings
   *     maps a requirement to may then lack its virtual link, which an NS gives it later
   */
  public static VnfDescriptor read(
      Map<String, Object> root, Map<String, Object> params, boolean onboarding) {
    requireVersion(root);
    Map<String, Object> topology = topology(root);
    TemplateKind.requireVnfd(root, topology);
    boolean substitutable = topology.containsKey(SUBSTITUTION);
    Problems problems = new Problems();
    problems.check(() -> TOP_LEVEL.check(null, "", topLevelKeys(root, substitutable)));
    problems.check(() -> Imports.check(root.get("imports")));
    problems.check(() -> TOPOLOGY_KEYS.check(null, TOPOLOGY + ".", topology.keySet()));
    Inputs inputs = problems.require(() -> new Inputs(topology.get("inputs"), inputs(params)));
    List<NodeTemplate> written =
        problems.require(() -> NodeTemplates.read(topology.get("node_templates")));
    Substitution substitution =
        substitutable ? problems.read(() -> substitution(root, topology, written)) : null;
    Bound bound = bind(written, params, substitutable, substitution, problems);
    Topology nodes = bound.nodes();
    nodes.nodes().forEach(node -> problems.check(() -> NodeTypes.requireSupported(node)));
    List<MonitoringPolicy> monitoring = new ArrayList<>();
    List<Vdu> vdus = vdus(nodes, inputs, monitoring, problems);
    Map<String, String> providedBy =
        substitution != null
            ? providedBy(substitution)
            : SubstitutionReader.mappedConnectionPoints(topology.get(SUBSTITUTION));
    // a binding with problems says enough: its CPs are not also reported as unlinked
    boolean linksOptional = onboarding || bound.failed();
    List<ConnectionPoint> cps = new ArrayList<>();
    List<VirtualLink> vls = new ArrayList<>();
    for (NodeTemplate node : nodes.nodes()) {
      if (node.type().equals(NodeTypes.CP)) {
        String requirement = providedBy.get(node.name());
        problems.check(
            () ->
                cps.add(
                    ConnectionPointReader.read(node, inputs, nodes, requirement, linksOptional)));
      } else if (node.type().equals(NodeTypes.VL)) {
        problems.check(() -> vls.add(VirtualLinkReader.read(node, inputs)));
      }
    }
    PolicyReader.Policies policies =
        problems.read(() -> PolicyReader.read(topology.get("policies"), inputs, nodes, vdus));
    Object metadata = root.get("metadata");
    String description = problems.read(() -> description(root));
    Map<String, String> plainMetadata = problems.read(() -> MetadataReader.metadata(metadata));
    Map<String, String> workflows = problems.read(() -> MetadataReader.workflows(metadata));
    problems.throwIfAny();
    return new VnfDescriptor(
        description,
        plainMetadata,
        workflows,
        vdus,
        cps,
        vls,
        policies.scaling(),
        policies.alarmTriggers(),
        monitoring);
  }

  /** A substitutable VNFD declares its node type in node_types; any other may not have one. */
  private static List<String> topLevelKeys(Map<String, Object> root, boolean substitutable) {
    return root.keySet().stream().filter(k -> !(substitutable && k.equals(NODE_TYPES))).toList();
  }

  /** The parameter values that are inputs: the binding of NS links is not one. */
  private static Map<String, Object> inputs(Map<String, Object> params) {
    if (!params.containsKey(SubstitutionBinding.KEY)) {
      return params;
    }
    Map<String, Object> inputs = new LinkedHashMap<>(params);
    inputs.remove(SubstitutionBinding.KEY);
    return inputs;
  }

  private static Substitution substitution(
      Map<String, Object> root, Map<String, Object> topology, List<NodeTemplate> nodes) {
    return SubstitutionReader.read(
        topology.get(SUBSTITUTION), root.get(NODE_TYPES), new Topology(nodes));
  }

  /**
   * The nodes with the VNF's binding of NS links applied, when it gives one. A binding needs the
   * VNFD's substitution_mappings; when those could not be read, their problems say enough.
   */
  private static Bound bind(
      List<NodeTemplate> written,
      Map<String, Object> params,
      boolean substitutable,
      Substitution substitution,
      Problems problems) {
    if (!params.containsKey(SubstitutionBinding.KEY) || (substitutable && substitution == null)) {
      return new Bound(new Topology(written), substitutable && substitution == null);
    }
    SubstitutionBinding binding =
        problems.read(
            () ->
                SubstitutionBinding.read(
                    params.get(SubstitutionBinding.KEY), substitution, new Topology(written)));
    return binding == null
        ? new Bound(new Topology(written), true)
        : new Bound(new Topology(binding.apply(written)), false);
  }

  /** The nodes after binding, and whether the binding (or the mappings it needs) had problems. */
  private record Bound(Topology nodes, boolean failed) {}

  /** Connection point to the substitution requirement that maps to it. */
  private static Map<String, String> providedBy(Substitution substitution) {
    Map<String, String> providedBy = new LinkedHashMap<>();
    if (substitution != null) {
      substitution.requirements().forEach((requirement, cp) -> providedBy.put(cp, requirement));
    }
    return providedBy;
  }

  /**
   * Refuses a template without Tacker's TOSCA version (a parameter or configuration file) or with
   * another one.
   */
  public static void requireVersion(Map<String, Object> root) {
    Object version = root.get("tosca_definitions_version");
    if (version == null) {
      throw ToscaException.invalid(
          null,
          "tosca_definitions_version",
          "missing: this is not a TOSCA template (a parameter or configuration file?)");
    }
    if (!VERSION.equals(version)) {
      throw ToscaException.unsupported(
          null,
          "tosca_definitions_version",
          "'" + version + "' is not supported (only " + VERSION + ")");
    }
  }

  /** The {@code topology_template} map, keys as strings; refused when missing or not a map. */
  public static Map<String, Object> topology(Map<String, Object> root) {
    if (!(root.get(TOPOLOGY) instanceof Map<?, ?> map)) {
      throw ToscaException.invalid(
          null, TOPOLOGY, root.containsKey(TOPOLOGY) ? "expected a map" : "missing");
    }
    Map<String, Object> topology = new LinkedHashMap<>();
    map.forEach((k, v) -> topology.put(String.valueOf(k), v));
    return topology;
  }

  /**
   * The VDUs read without a problem (the kind rule applies to those); their monitoring policies go
   * to {@code monitoring}.
   */
  private static List<Vdu> vdus(
      Topology nodes, Inputs inputs, List<MonitoringPolicy> monitoring, Problems problems) {
    List<NodeTemplate> vduNodes =
        nodes.nodes().stream().filter(n -> n.type().equals(NodeTypes.VDU)).toList();
    if (vduNodes.isEmpty()) {
      problems.add(
          ToscaException.invalid(
              null,
              TOPOLOGY + ".node_templates",
              "no VDU (" + NodeTypes.VDU + "): a VNF descriptor needs at least one"));
    }
    List<Vdu> vdus = new ArrayList<>();
    for (NodeTemplate node : vduNodes) {
      problems.check(() -> vdus.add(VduReader.read(node, inputs)));
      problems.check(() -> VduReader.monitoringPolicy(node, inputs).ifPresent(monitoring::add));
    }
    problems.check(() -> requireOneKind(vdus));
    return vdus;
  }

  /** One VNF runs on one VIM: Kubernetes for containers, OpenStack for VMs, never both. */
  private static void requireOneKind(List<Vdu> vdus) {
    if (vdus.isEmpty()) {
      return;
    }
    Vdu first = vdus.get(0);
    for (Vdu vdu : vdus) {
      if ((vdu instanceof ContainerVdu) != (first instanceof ContainerVdu)) {
        throw ToscaException.invalid(
            vdu.name(),
            null,
            "a descriptor must not mix container VDUs (with vnfcs) and VM VDUs: '"
                + first.name()
                + "' is "
                + kind(first)
                + " but '"
                + vdu.name()
                + "' is "
                + kind(vdu));
      }
    }
  }

  private static String kind(Vdu vdu) {
    return vdu instanceof ContainerVdu ? "a container VDU" : "a VM VDU";
  }

  /** The template's {@code description}, stripped ({@code ""} when absent). */
  public static String description(Map<String, Object> root) {
    Object description = root.get("description");
    if (description instanceof Map || description instanceof List) {
      throw ToscaException.invalid(null, "description", "expected text");
    }
    return description == null ? "" : String.valueOf(description).strip();
  }
}
