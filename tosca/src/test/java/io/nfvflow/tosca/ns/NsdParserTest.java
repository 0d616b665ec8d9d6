package io.nfvflow.tosca.ns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.vnffg.VnffgDescriptor;
import io.nfvflow.tosca.vnffg.VnffgdParser;
import io.nfvflow.tosca.yaml.SafeYamlReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NsdParserTest {

  private static final String PORT = "5610a59a-68d3-431b-aa11-843744e81041";

  /** Tacker's shape (§5.1): two VNFs, two VLs, one forwarding path in one VNFFG group. */
  private static final String NSD =
      """
      tosca_definitions_version: tosca_simple_profile_for_nfv_1_0_0
      description: an NS
      metadata:
        template_name: ns1
      imports:
        - vnfd1
        - vnfd2
      topology_template:
        inputs:
          vl1_name:
            type: string
            default: net_mgmt
          src_port:
            type: string
        node_templates:
          VNF1:
            type: tosca.nodes.nfv.VNF1
            requirements:
              - virtualLink1: VL1
              - virtualLink2: {node: VL2}
          VNF2:
            type: tosca.nodes.nfv.VNF2
          VL1:
            type: tosca.nodes.nfv.VL
            properties:
              network_name: {get_input: vl1_name}
              vendor: tacker
          VL2:
            type: tosca.nodes.nfv.VL
            properties:
              network_name: net0
          FP1:
            type: tosca.nodes.nfv.FP.TackerV2
            properties:
              id: 51
              policy:
                type: ACL
                criteria:
                  - name: block_tcp
                    classifier:
                      network_src_port_id: {get_input: src_port}
                      ip_proto: 6
              path:
                - forwarder: vnfd1
                  capability: CP12
                - forwarder: vnfd2
                  capability: CP22
        groups:
          VNFFG1:
            type: tosca.groups.nfv.VNFFG
            description: HTTP chain
            properties:
              vendor: tacker
              version: 1.0
              number_of_endpoints: 2
              dependent_virtual_link: [VL1, VL2]
              connection_point: [CP12, CP22]
              constituent_vnfs: [vnfd1, vnfd2]
            members: [FP1]
      """;

  private final NsdParser parser = new NsdParser();

  private static Map<String, Object> tree(String yaml) {
    return new SafeYamlReader().readMap(yaml, "descriptor");
  }

  private ToscaException refusal(String yaml) {
    return catchThrowableOfType(ToscaException.class, () -> parser.validate(tree(yaml)));
  }

  private static List<String> messages(ToscaException e) {
    return e.problems().stream().map(ToscaException.Problem::message).toList();
  }

  @Test
  void parsesVnfsLinksImportsAndGroups() {
    NsDescriptor ns = parser.parse(NSD, Map.of("src_port", PORT));
    assertThat(ns.description()).isEqualTo("an NS");
    assertThat(ns.templateName()).isEqualTo("ns1");
    assertThat(ns.imports()).containsExactly("vnfd1", "vnfd2");
    assertThat(ns.vnfs())
        .containsExactly(
            new VnfNode(
                "VNF1",
                "tosca.nodes.nfv.VNF1",
                Map.of("virtualLink1", "VL1", "virtualLink2", "VL2")),
            new VnfNode("VNF2", "tosca.nodes.nfv.VNF2", Map.of()));
    assertThat(ns.vnfs().get(0).requirements().keySet())
        .containsExactly("virtualLink1", "virtualLink2");
    assertThat(ns.virtualLinks())
        .containsExactly(
            new NsVirtualLink("VL1", "net_mgmt", "tacker"), new NsVirtualLink("VL2", "net0", null));
    assertThat(ns.vnffgs())
        .extracting(VnffgGroup::name, VnffgGroup::description, VnffgGroup::constituentVnfds)
        .containsExactly(tuple("VNFFG1", "HTTP chain", List.of("vnfd1", "vnfd2")));
  }

  @Test
  void aGivenInputWinsOverItsDefault() {
    NsDescriptor ns = parser.parse(tree(NSD), Map.of("vl1_name", "net_x", "src_port", PORT));
    assertThat(ns.virtualLinks().get(0).networkName()).isEqualTo("net_x");
  }

  @Test
  void anInputWithoutValueOrDefaultIsNamed() {
    ToscaException e =
        catchThrowableOfType(ToscaException.class, () -> parser.parse(tree(NSD), Map.of()));
    assertThat(messages(e))
        .containsExactly(
            "node 'FP1', property 'policy.criteria[0].classifier.network_src_port_id': VNFFG group"
                + " 'VNFFG1': input 'src_port' has no value:"
                + " give it in param_values or give the input a default");
  }

  @Test
  void validatingUsesPlaceholdersForInputsWithoutValues() {
    String vlInput =
        NSD.replace("network_name: net0", "network_name: {get_input: vl2_name}")
            .replace("  src_port:\n", "  vl2_name:\n      type: string\n    src_port:\n");
    NsDescriptor ns = parser.validate(tree(vlInput));
    assertThat(ns.virtualLinks().get(1).networkName()).isEqualTo("placeholder");
    assertThat(ns.vnffgs()).hasSize(1);
  }

  @Test
  @SuppressWarnings("unchecked")
  void eachGroupBecomesAVnffgdThatVnffgdParserAccepts() {
    VnffgGroup group = parser.validate(tree(NSD)).vnffgs().get(0);
    Map<String, Object> vnffgd = group.vnffgdTemplate();
    assertThat(vnffgd)
        .containsEntry("tosca_definitions_version", "tosca_simple_profile_for_nfv_1_0_0")
        .containsEntry("description", "HTTP chain");
    @SuppressWarnings("unchecked")
    Map<String, Object> topology = (Map<String, Object>) vnffgd.get("topology_template");
    assertThat(topology).containsOnlyKeys("inputs", "node_templates", "groups");
    assertThat((Map<String, Object>) topology.get("inputs"))
        .containsOnlyKeys("vl1_name", "src_port");
    assertThat((Map<String, Object>) topology.get("node_templates")).containsOnlyKeys("FP1");
    assertThat((Map<String, Object>) topology.get("groups")).containsOnlyKeys("VNFFG1");
    assertThat(VnffgdParser.isVnffgd(vnffgd)).isTrue();
    new VnffgdParser().validate(vnffgd);
    VnffgDescriptor parsed = new VnffgdParser().parse(vnffgd, Map.of("src_port", PORT));
    assertThat(parsed.paths()).singleElement().extracting(p -> p.pathId()).isEqualTo(51);
    assertThat(parsed.paths().get(0).classifiers().get(0).match().logicalSourcePort())
        .isEqualTo(PORT);
  }

  @Test
  @SuppressWarnings("unchecked")
  void twoGroupsGiveTwoVnffgdsWithOnlyTheirOwnPaths() {
    String two =
        NSD.replace(
                "  groups:\n",
                """
                    FP2:
                      type: tosca.nodes.nfv.FP.TackerV2
                      properties:
                        id: 52
                        policy:
                          type: ACL
                          criteria:
                            - name: udp
                              classifier:
                                network_src_port_id: {get_input: src_port}
                                ip_proto: 17
                        path:
                          - forwarder: vnfd1
                            capability: CP12
                  groups:
                """)
            + """
                VNFFG2:
                  type: tosca.groups.nfv.VNFFG
                  properties:
                    vendor: tacker
                    version: 1.0
                    number_of_endpoints: 1
                    dependent_virtual_link: [VL1]
                    connection_point: [CP12]
                    constituent_vnfs: [vnfd1]
                  members: [FP2]
            """;
    List<VnffgGroup> groups = parser.validate(tree(two)).vnffgs();
    assertThat(groups).extracting(VnffgGroup::name).containsExactly("VNFFG1", "VNFFG2");
    @SuppressWarnings("unchecked")
    Map<String, Object> topology =
        (Map<String, Object>) groups.get(1).vnffgdTemplate().get("topology_template");
    assertThat((Map<String, Object>) topology.get("node_templates")).containsOnlyKeys("FP2");
    assertThat((Map<String, Object>) topology.get("groups")).containsOnlyKeys("VNFFG2");
    assertThat(groups.get(1).vnffgdTemplate()).containsEntry("description", "an NS");
    assertThat(groups.get(1).description()).isNull();
  }

  @Test
  void aGroupsVnffgdProblemsArePrefixedWithTheGroup() {
    ToscaException e = refusal(NSD.replace("number_of_endpoints: 2", "number_of_endpoints: 3"));
    assertThat(messages(e))
        .containsExactly(
            "node 'VNFFG1', property 'number_of_endpoints': VNFFG group 'VNFFG1': is 3 but"
                + " connection_point lists 2: they must agree (Tacker: VnffgdWrongEndpointNumber)");
  }

  @Test
  void missingOrEmptyImportsAreTheVnfdImportSectionMissing() {
    String without = NSD.replace("imports:\n  - vnfd1\n  - vnfd2\n", "");
    String empty = NSD.replace("imports:\n  - vnfd1\n  - vnfd2\n", "imports: []\n");
    for (String yaml : List.of(without, empty)) {
      assertThat(refusal(yaml).getMessage())
          .isEqualTo(
              "property 'imports': VNFD import section is missing: list the names of the onboarded"
                  + " VNFDs this NSD is made of");
    }
  }

  @Test
  void importsMustBeVnfdNamesOnce() {
    ToscaException e =
        refusal(NSD.replace("  - vnfd2\n", "  - vnfd2\n  - vnfd1\n  - tacker_nfv_defs.yaml\n"));
    assertThat(messages(e))
        .containsExactly(
            "property 'imports[2]': 'vnfd1' is imported twice",
            "property 'imports[3]': 'tacker_nfv_defs.yaml' is a Tacker type file, not a VNFD: an"
                + " NSD imports the onboarded VNFDs it is made of (Tacker's types are built in)");
  }

  @Test
  void everyNodeProblemIsNamedInOneException() {
    String yaml =
        NSD.replace(
                "- virtualLink2: {node: VL2}", "- virtualLink2: VNF2\n        - virtualLink3: VL9")
            .replace(
                "    type: tosca.nodes.nfv.VNF2\n",
                "    type: tosca.nodes.nfv.VNF2\n      properties: {flavor: big}\n")
            .replace("    network_name: net0\n", "    vendor: acme\n")
            .replace("  VL1:\n", "  VDU1:\n      type: tosca.nodes.nfv.VDU.Tacker\n    VL1:\n");
    ToscaException e = refusal(yaml);
    assertThat(messages(e))
        .containsExactly(
            "node 'VNF1', property 'requirements.virtualLink2': 'VNF2' must be a VL"
                + " (tosca.nodes.nfv.VL) of this NSD, but it is a node of type"
                + " 'tosca.nodes.nfv.VNF2'",
            "node 'VNF1', property 'requirements.virtualLink3': 'VL9' must be a VL"
                + " (tosca.nodes.nfv.VL) of this NSD, but it is no such node",
            "node 'VNF2', property 'properties': unknown key",
            "node 'VDU1': node type 'tosca.nodes.nfv.VDU.Tacker' belongs in a VNFD, not in an NSD",
            "node 'VL2', property 'network_name': is required");
  }

  @Test
  void anNsdVlNamesAnExistingNetwork() {
    ToscaException e =
        refusal(NSD.replace("network_name: net0", "network_name: net0\n        cidr: 10.0.0.0/24"));
    assertThat(e.isUnsupported()).isTrue();
    assertThat(e.getMessage())
        .isEqualTo(
            "node 'VL2', property 'cidr': an NSD's VL names an existing network (network_name);"
                + " creating one with a subnet is not supported");
  }

  @Test
  void anNsdWithoutVnfNodesIsRefused() {
    String yaml =
        """
        tosca_definitions_version: tosca_simple_profile_for_nfv_1_0_0
        imports: [vnfd1]
        topology_template:
          node_templates:
            VL1:
              type: tosca.nodes.nfv.VL
              properties: {network_name: net0}
        """;
    assertThat(refusal(yaml).getMessage())
        .isEqualTo(
            "property 'topology_template.node_templates': no VNF node: an NSD needs at least one"
                + " (a node whose type is the substitution_mappings.node_type of a VNFD it"
                + " imports)");
    assertThat(NsdParser.isNsd(tree(yaml))).isFalse();
  }

  @Test
  void unknownAndUnsupportedKeysAreNamed() {
    String yaml =
        NSD.replace("metadata:\n", "repositories: {}\nmetadata:\n  workflows: {instantiate: x}\n")
            .replace("topology_template:\n", "topology_template:\n  outputs: {}\n  extra: 1\n");
    assertThat(messages(refusal(yaml)))
        .containsExactlyInAnyOrder(
            "property 'repositories': repositories are not supported",
            "property 'topology_template.outputs': this topology template section is not"
                + " supported in a network service descriptor",
            "property 'topology_template.extra': unknown key",
            "property 'metadata.workflows': an NSD cannot name workflows: a network service runs"
                + " nfvflow's own");
  }

  @Test
  void groupProblemsAreNamed() {
    String yaml =
        NSD.replace("members: [FP1]", "members: [FP1, VNF1]")
                .replace(
                    "  groups:\n", "    FP9:\n      type: tosca.nodes.nfv.FP.TackerV2\n  groups:\n")
            + """
                OTHER:
                  type: tosca.groups.Root
                  members: [FP1]
            """;
    assertThat(messages(refusal(yaml)))
        .containsExactly(
            "node 'VNFFG1', property 'members': 'VNF1' must be a forwarding path"
                + " (tosca.nodes.nfv.FP.TackerV2 or tosca.nodes.nfv.FP.Tacker) of this NSD, but it"
                + " is a node of type 'tosca.nodes.nfv.VNF1'",
            "node 'OTHER', property 'type': group type 'tosca.groups.Root' is not supported (only"
                + " tosca.groups.nfv.VNFFG)",
            "node 'FP1': is no member of a tosca.groups.nfv.VNFFG group: list it in a group's"
                + " members (or remove it)",
            "node 'FP9': is no member of a tosca.groups.nfv.VNFFG group: list it in a group's"
                + " members (or remove it)");
  }

  @Test
  void aForwardingPathBelongsToOneGroup() {
    String yaml =
        NSD
            + """
                VNFFG2:
                  type: tosca.groups.nfv.VNFFG
                  members: [FP1]
            """;
    assertThat(messages(refusal(yaml)))
        .containsExactly(
            "node 'VNFFG2', property 'members': 'FP1' is already a member of group 'VNFFG1': a"
                + " forwarding path belongs to one VNFFG");
  }

  @Test
  void anUndeclaredInputIsAStringWithoutDefault() {
    String yaml = NSD.replace("network_name: net0", "network_name: {get_input: undeclared}");
    assertThat(parser.validate(tree(yaml)).virtualLinks().get(1).networkName())
        .isEqualTo("placeholder");
    assertThat(
            parser
                .parse(tree(yaml), Map.of("undeclared", "net9", "src_port", PORT))
                .virtualLinks()
                .get(1)
                .networkName())
        .isEqualTo("net9");
    ToscaException e =
        catchThrowableOfType(
            ToscaException.class, () -> parser.parse(tree(yaml), Map.of("src_port", PORT)));
    assertThat(e.getMessage())
        .isEqualTo(
            "node 'VL2', property 'network_name': input 'undeclared' has no value: give it in"
                + " param_values or give the input a default");
  }

  @Test
  void isNsdTellsNsdsFromOtherTemplates() {
    assertThat(NsdParser.isNsd(tree(NSD))).isTrue();
    assertThat(NsdParser.isNsd(null)).isFalse();
    String withVdu =
        NSD.replace("  VNF2:\n", "  VDU1:\n      type: tosca.nodes.nfv.VDU.Tacker\n    VNF2:\n");
    assertThat(NsdParser.isNsd(tree(withVdu))).isFalse();
    String tackerTypesOnly = NSD.replace("  - vnfd1\n  - vnfd2\n", "  - tacker_defs.yaml\n");
    assertThat(NsdParser.isNsd(tree(tackerTypesOnly))).isFalse();
  }

  @Test
  void anEmptyTreeIsRefused() {
    assertThat(catchThrowableOfType(ToscaException.class, () -> parser.validate(null)))
        .hasMessage("descriptor is empty");
  }
}
