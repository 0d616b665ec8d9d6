package io.nfvflow.tosca.ns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.nfvflow.tosca.ConnectionPoint;
import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.ToscaParser;
import io.nfvflow.tosca.VirtualLink;
import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.tosca.yaml.SafeYamlReader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The VNFD side of network services: substitution mappings and the binding of NS links. */
class SubstitutionTest {

  private static final String HEADER =
      """
      tosca_definitions_version: tosca_simple_profile_for_nfv_1_0_0
      description: substitutable
      """;

  private static final String NODE_TYPES =
      """
      node_types:
        tosca.nodes.nfv.VNF1:
          requirements:
            - virtualLink1:
                type: tosca.nodes.nfv.VL
                required: true
            - virtualLink2:
                type: tosca.nodes.nfv.VL
          capabilities:
            forwarder1:
              type: tosca.capabilities.nfv.Forwarder
      """;

  private static final String MAPPINGS =
      """
        substitution_mappings:
          node_type: tosca.nodes.nfv.VNF1
          requirements:
            virtualLink1: [CP11, virtualLink]
            virtualLink2: [CP12, virtualLink]
          capabilities:
            forwarder1: [CP11, forwarder]
      """;

  /** CP11 has no link of its own (the NS gives it), CP12 has one (the NS may replace it). */
  private static final String NODES =
      """
        node_templates:
          VDU1:
            type: tosca.nodes.nfv.VDU.Tacker
            properties:
              image: cirros
              flavor: m1.tiny
          CP11:
            type: tosca.nodes.nfv.CP.Tacker
            properties:
              management: true
            requirements:
              - virtualBinding: VDU1
          CP12:
            type: tosca.nodes.nfv.CP.Tacker
            requirements:
              - virtualLink: VL2
              - virtualBinding: VDU1
          VL2:
            type: tosca.nodes.nfv.VL
            properties:
              network_name: net0
      """;

  private static final String VNFD =
      HEADER + NODE_TYPES + "topology_template:\n" + MAPPINGS + NODES;

  /** The same nodes, CP11 linked to VL2 on its own. */
  private static final String LINKED_NODES =
      NODES.replaceFirst(
          "- virtualBinding: VDU1\n", "- virtualLink: VL2\n        - virtualBinding: VDU1\n");

  private final ToscaParser parser = new ToscaParser();

  private static Map<String, Object> tree(String yaml) {
    return new SafeYamlReader().readMap(yaml, "descriptor");
  }

  /** Tacker's shape of param_values.substitution_mappings, as its NS gives a VNF. */
  private static Map<String, Object> tackerBinding(String requirement, String vl) {
    Map<String, Object> binding = new LinkedHashMap<>();
    binding.put("requirements", Map.of(requirement, vl));
    binding.put(
        vl,
        Map.of(
            "type",
            "tosca.nodes.nfv.VL",
            "properties",
            Map.of("network_name", "net_mgmt", "vendor", "tacker")));
    return binding;
  }

  private static Map<String, Object> params(Object binding) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("substitution_mappings", binding);
    return params;
  }

  private static ConnectionPoint cp(VnfDescriptor d, String name) {
    return d.connectionPoints().stream().filter(c -> c.name().equals(name)).findFirst().get();
  }

  private ToscaException refusal(String yaml, Map<String, Object> params) {
    try {
      parser.parse(yaml, params);
    } catch (ToscaException e) {
      return e;
    }
    throw new AssertionError("expected a ToscaException");
  }

  // --- onboarding a substitutable VNFD

  @Test
  void aVnfdWithSubstitutionMappingsAndNodeTypesOnboards() {
    VnfDescriptor d = parser.validate(VNFD);
    assertThat(d.connectionPoints())
        .extracting(ConnectionPoint::name, ConnectionPoint::virtualLink)
        .containsExactly(tuple("CP11", null), tuple("CP12", "VL2"));
  }

  @Test
  void substitutionReadsTheMappingsAndTheRequiredRequirements() {
    Substitution s = NsdParser.substitution(tree(VNFD)).orElseThrow();
    assertThat(s.nodeType()).isEqualTo("tosca.nodes.nfv.VNF1");
    assertThat(s.requirements())
        .containsExactly(Map.entry("virtualLink1", "CP11"), Map.entry("virtualLink2", "CP12"));
    assertThat(s.capabilities()).containsExactly(Map.entry("forwarder1", "CP11"));
    assertThat(s.required()).containsExactly("virtualLink1");
  }

  @Test
  void aPlainVnfdHasNoSubstitution() {
    String plain = HEADER + "topology_template:\n" + LINKED_NODES;
    assertThat(NsdParser.substitution(tree(plain))).isEmpty();
    assertThat(NsdParser.substitution(null)).isEmpty();
  }

  @Test
  void substitutionMappingsWithoutNodeTypesOnboard() {
    Substitution s =
        NsdParser.substitution(tree(HEADER + "topology_template:\n" + MAPPINGS + NODES))
            .orElseThrow();
    assertThat(s.required()).isEmpty();
    assertThat(parser.validate(HEADER + "topology_template:\n" + MAPPINGS + NODES).vdus())
        .hasSize(1);
  }

  @Test
  void nodeTypesWithoutSubstitutionMappingsAreStillRefused() {
    String yaml = HEADER + NODE_TYPES + "topology_template:\n" + LINKED_NODES;
    assertThatThrownBy(() -> parser.validate(yaml))
        .isInstanceOf(ToscaException.class)
        .hasMessage("property 'node_types': custom type definitions are not supported");
  }

  @Test
  void everyProblemOfTheMappingsIsNamedInOneException() {
    String mappings =
        """
          substitution_mappings:
            requirements:
              virtualLink1: [VDU1, virtualLink]
              virtualLink2: [CP9, virtualLink]
              virtualLink3: [CP12]
              virtualLink4: [CP12, forwarder]
            capabilities:
              forwarder1: [CP11, virtualLink]
            properties: {}
        """;
    ToscaException e =
        (ToscaException)
            org.assertj.core.api.Assertions.catchThrowable(
                () -> parser.validate(HEADER + "topology_template:\n" + mappings + NODES));
    assertThat(e.problems())
        .extracting(ToscaException.Problem::property, ToscaException.Problem::reason)
        .containsExactlyInAnyOrder(
            tuple(
                "topology_template.substitution_mappings.properties",
                "only node_type, requirements and capabilities of substitution_mappings are"
                    + " supported"),
            tuple("topology_template.substitution_mappings.node_type", "is required"),
            tuple(
                "topology_template.substitution_mappings.requirements.virtualLink1",
                "'VDU1' must be a connection point (tosca.nodes.nfv.CP.Tacker) of this VNFD, but"
                    + " it is a node of type 'tosca.nodes.nfv.VDU.Tacker'"),
            tuple(
                "topology_template.substitution_mappings.requirements.virtualLink2",
                "'CP9' must be a connection point (tosca.nodes.nfv.CP.Tacker) of this VNFD, but"
                    + " it is no such node"),
            tuple(
                "topology_template.substitution_mappings.requirements.virtualLink3",
                "expected a two-element list [<connection point>, virtualLink], got [CP12]"),
            tuple(
                "topology_template.substitution_mappings.requirements.virtualLink4",
                "the second element must be 'virtualLink', not 'forwarder'"),
            tuple(
                "topology_template.substitution_mappings.capabilities.forwarder1",
                "the second element must be 'forwarder', not 'virtualLink'"),
            // CP11 has no link of its own and no requirement maps to it any more
            tuple(
                "requirements.virtualLink",
                "missing: a connection point needs a VL (tosca.nodes.nfv.VL)"));
  }

  @Test
  void twoRequirementsMustNotMapOneConnectionPoint() {
    String yaml =
        VNFD.replace("virtualLink2: [CP12, virtualLink]", "virtualLink2: [CP11, virtualLink]");
    assertThatThrownBy(() -> parser.validate(yaml))
        .isInstanceOf(ToscaException.class)
        .hasMessage(
            "property 'topology_template.substitution_mappings.requirements.virtualLink2': maps"
                + " connection point 'CP11' that requirement 'virtualLink1' maps too: a connection"
                + " point has one virtual link");
  }

  @Test
  void nodeTypesMayDeclareOnlyTheSubstitutedType() {
    String yaml =
        VNFD.replace(
            "node_types:\n", "node_types:\n  tosca.nodes.nfv.Other:\n    properties: {}\n");
    String wrongKey =
        VNFD.replace(
            "  tosca.nodes.nfv.VNF1:\n    requirements:",
            "  tosca.nodes.nfv.VNF1:\n    interfaces: {}\n    requirements:");
    assertThatThrownBy(() -> parser.validate(yaml))
        .isInstanceOf(ToscaException.class)
        .hasMessage(
            "property 'node_types.tosca.nodes.nfv.Other': custom type definitions are not"
                + " supported: node_types may only declare the node type of substitution_mappings"
                + " ('tosca.nodes.nfv.VNF1')");
    assertThatThrownBy(() -> parser.validate(wrongKey))
        .isInstanceOf(ToscaException.class)
        .hasMessage(
            "property 'node_types.tosca.nodes.nfv.VNF1.interfaces': a substituted node type may"
                + " only declare requirements and capabilities");
  }

  @Test
  void aRequiredFlagMustBeABoolean() {
    String yaml = VNFD.replace("required: true", "required: maybe");
    assertThatThrownBy(() -> parser.validate(yaml))
        .isInstanceOf(ToscaException.class)
        .hasMessage(
            "property 'node_types.tosca.nodes.nfv.VNF1.requirements.virtualLink1.required':"
                + " expected true or false, got 'maybe'");
  }

  @Test
  void nsdsAndVnffgdsGivenAsVnfdsAreStillRefused() {
    String nsd =
        HEADER
            + """
            imports: [vnfd1]
            topology_template:
              node_templates:
                VNF1:
                  type: tosca.nodes.nfv.VNF1
            """;
    assertThatThrownBy(() -> parser.validate(nsd))
        .isInstanceOf(ToscaException.class)
        .hasMessage(
            "not a VNF descriptor: it defines an NS (network service) (not supported by this"
                + " parser)");
    String vnffgd =
        HEADER
            + """
            topology_template:
              node_templates:
                FP1:
                  type: tosca.nodes.nfv.FP.TackerV2
            """;
    assertThatThrownBy(() -> parser.validate(vnffgd))
        .isInstanceOf(ToscaException.class)
        .hasMessageStartingWith("not a VNF descriptor: it defines a VNFFG (forwarding graph)");
  }

  // --- instantiation: the rule for a CP whose link the NS provides

  @Test
  void instantiatingWithoutTheNsBindingNamesTheConnectionPointAndItsRequirement() {
    ToscaException e = refusal(VNFD, Map.of());
    assertThat(e.problems()).hasSize(1);
    assertThat(e.node()).isEqualTo("CP11");
    assertThat(e.property()).isEqualTo("requirements.virtualLink");
    assertThat(e.getMessage())
        .contains("gets its virtual link from a network service (requirement virtualLink1)");
  }

  @Test
  void anUnmappedConnectionPointWithoutALinkIsStillInvalidAtOnboarding() {
    String yaml = VNFD.replace("virtualLink1: [CP11, virtualLink]\n", "");
    assertThatThrownBy(() -> parser.validate(yaml))
        .isInstanceOf(ToscaException.class)
        .hasMessage(
            "node 'CP11', property 'requirements.virtualLink': missing: a connection point needs a"
                + " VL (tosca.nodes.nfv.VL)");
  }

  @Test
  void aContainerVdusMappedConnectionPointNeedsNoLink() {
    String container =
        VNFD.replace(
            "        image: cirros\n        flavor: m1.tiny\n",
            "        vnfcs:\n          web:\n            image: nginx\n            num_cpus: 1\n"
                + "            mem_size: 512 MB\n");
    assertThat(container).contains("vnfcs:");
    VnfDescriptor d = parser.parse(container, Map.of());
    assertThat(cp(d, "CP11").virtualLink()).isNull();
    assertThat(cp(d, "CP12").virtualLink()).isEqualTo("VL2");
  }

  @Test
  void tackersBindingAddsTheVlAndLinksTheMappedConnectionPoint() {
    VnfDescriptor d = parser.parse(VNFD, params(tackerBinding("virtualLink1", "VL1-ab12cd34")));
    assertThat(cp(d, "CP11").virtualLink()).isEqualTo("VL1-ab12cd34");
    assertThat(cp(d, "CP11").management()).isTrue();
    assertThat(d.virtualLinks())
        .containsExactly(
            new VirtualLink("VL2", "net0", null),
            new VirtualLink("VL1-ab12cd34", "net_mgmt", "tacker"));
  }

  @Test
  void aBindingReplacesTheLinkAMappedConnectionPointHad() {
    Map<String, Object> binding = new LinkedHashMap<>(tackerBinding("virtualLink1", "VL1-x"));
    binding.put("requirements", Map.of("virtualLink1", "VL1-x", "virtualLink2", "VL2-x"));
    binding.put(
        "VL2-x", Map.of("type", "tosca.nodes.nfv.VL", "properties", Map.of("network_name", "n2")));
    VnfDescriptor d = parser.parse(VNFD, params(binding));
    assertThat(d.connectionPoints())
        .extracting(ConnectionPoint::name, ConnectionPoint::virtualLink)
        .containsExactly(tuple("CP11", "VL1-x"), tuple("CP12", "VL2-x"));
  }

  @Test
  void theBindingIsNoInputAndInputsStillResolve() {
    String withInput =
        VNFD.replace(
                "topology_template:\n",
                "topology_template:\n  inputs:\n    flavor: {type: string}\n")
            .replace("flavor: m1.tiny", "flavor: {get_input: flavor}");
    Map<String, Object> params = params(tackerBinding("virtualLink1", "VL1-ab12cd34"));
    params.put("flavor", "m1.small");
    VnfDescriptor d = parser.parse(withInput, params);
    assertThat(((io.nfvflow.tosca.VmVdu) d.vdus().get(0)).flavor()).isEqualTo("m1.small");
    assertThat(cp(d, "CP11").virtualLink()).isEqualTo("VL1-ab12cd34");
  }

  @Test
  void aBindingOfARequirementTheVnfdDoesNotMapIsNamed() {
    ToscaException e = refusal(VNFD, params(tackerBinding("virtualLink9", "VL9-x")));
    assertThat(e.problems())
        .extracting(ToscaException.Problem::property, ToscaException.Problem::reason)
        .containsExactly(
            tuple(
                "param_values.substitution_mappings.requirements.virtualLink9",
                "the VNFD's substitution_mappings maps no requirement 'virtualLink9' (it maps"
                    + " [virtualLink1, virtualLink2])"));
  }

  @Test
  void aVlNodeNoRequirementNamesIsNamed() {
    Map<String, Object> binding = tackerBinding("virtualLink1", "VL1-x");
    binding.put("VL-extra", Map.of("type", "tosca.nodes.nfv.VL"));
    assertThat(refusal(VNFD, params(binding)).getMessage())
        .isEqualTo(
            "property 'param_values.substitution_mappings.VL-extra': no requirement names this VL"
                + " node: bind it in param_values.substitution_mappings.requirements or remove"
                + " it");
  }

  @Test
  void aBoundVlThatIsNotDefinedIsNamed() {
    ToscaException e =
        refusal(VNFD, params(Map.of("requirements", Map.of("virtualLink1", "VL1-missing"))));
    assertThat(e.getMessage())
        .isEqualTo(
            "property 'param_values.substitution_mappings.requirements.virtualLink1': names VL"
                + " node 'VL1-missing', which param_values.substitution_mappings does not define");
  }

  @Test
  void aBoundVlCollidingWithAVnfdNodeIsNamed() {
    ToscaException e = refusal(VNFD, params(tackerBinding("virtualLink1", "VL2")));
    assertThat(e.getMessage())
        .isEqualTo(
            "property 'param_values.substitution_mappings.VL2': collides with node 'VL2' of the"
                + " VNFD (a node of type 'tosca.nodes.nfv.VL'): a bound VL needs a name of its own");
  }

  @Test
  void aBindingForAVnfdWithoutSubstitutionMappingsIsNamed() {
    String plain = HEADER + "topology_template:\n" + LINKED_NODES;
    ToscaException e = refusal(plain, params(tackerBinding("virtualLink1", "VL1-x")));
    assertThat(e.getMessage())
        .isEqualTo(
            "property 'param_values.substitution_mappings': the VNFD has no"
                + " topology_template.substitution_mappings, so no virtual link can be bound to"
                + " it");
  }

  @Test
  void malformedBindingsAreNamed() {
    assertThat(refusal(VNFD, params("VL1")).getMessage())
        .isEqualTo("property 'param_values.substitution_mappings': expected a map");
    assertThat(refusal(VNFD, params(Map.of())).getMessage())
        .isEqualTo(
            "property 'param_values.substitution_mappings.requirements': missing or not a map:"
                + " name the VL node each requirement binds to");
    Map<String, Object> wrongType = tackerBinding("virtualLink1", "VL1-x");
    wrongType.put("VL1-x", Map.of("type", "tosca.nodes.nfv.CP.Tacker"));
    assertThat(refusal(VNFD, params(wrongType)).getMessage())
        .isEqualTo(
            "property 'param_values.substitution_mappings.VL1-x.type': a bound node must be a VL"
                + " (tosca.nodes.nfv.VL)");
    Map<String, Object> noNetwork = tackerBinding("virtualLink1", "VL1-x");
    noNetwork.put("VL1-x", Map.of("type", "tosca.nodes.nfv.VL", "properties", Map.of()));
    assertThat(refusal(VNFD, params(noNetwork)).getMessage())
        .isEqualTo("node 'VL1-x', property 'network_name': is required");
  }
}
