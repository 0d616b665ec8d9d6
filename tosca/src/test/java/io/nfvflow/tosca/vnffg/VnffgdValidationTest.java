package io.nfvflow.tosca.vnffg;

import static io.nfvflow.tosca.vnffg.Vnffgds.CRITERIA;
import static io.nfvflow.tosca.vnffg.Vnffgds.GROUP;
import static io.nfvflow.tosca.vnffg.Vnffgds.PATH;
import static io.nfvflow.tosca.vnffg.Vnffgds.assertOnlyProblem;
import static io.nfvflow.tosca.vnffg.Vnffgds.fp;
import static io.nfvflow.tosca.vnffg.Vnffgds.legacy;
import static io.nfvflow.tosca.vnffg.Vnffgds.parse;
import static io.nfvflow.tosca.vnffg.Vnffgds.refusal;
import static io.nfvflow.tosca.vnffg.Vnffgds.template;
import static io.nfvflow.tosca.vnffg.Vnffgds.v2Properties;
import static io.nfvflow.tosca.vnffg.Vnffgds.withCriteria;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.ToscaException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Validation: every rule, and every problem of a descriptor named in one answer. */
class VnffgdValidationTest {

  private static final String SRC = "14ad4f29-629f-4b97-8bc8-86e96cb49974";
  private static final String DST = "8bff0400-a7b8-41eb-bbef-d7cff67a7361";

  private static String withPath(String path) {
    return template(fp("id: 51\npath:\n" + path), GROUP);
  }

  @Test
  void severalProblemsAcrossGroupPathAndClassifiersAreNamedTogether() {
    String properties =
        """
        id: 51
        correlation: vxlan
        policy:
          type: ACL
          criteria:
            - name: web
              classifier:
                network_src_port_id: 14ad4f29-629f-4b97-8bc8-86e96cb49974
                vlan_id: 10
            - name: web
              classifier:
                network_src_port_id: 14ad4f29-629f-4b97-8bc8-86e96cb49974
                ip_proto: 6
                tcp_flags: syn
        path:
          - {forwarder: VNFD1, capability: CP12}
          - {forwarder: VNFD2, capability: CP22}
          - {forwarder: VNFD1, capability: CP12}
        """;
    String group = GROUP.replace("number_of_endpoints: 2", "number_of_endpoints: 3");

    ToscaException e = refusal(template(fp(properties), group));

    assertThat(e.problems())
        .extracting(Problem::node, Problem::property, Problem::unsupported)
        .containsExactly(
            tuple("VNFFG1", "number_of_endpoints", false),
            tuple("FP1", "correlation", false),
            tuple("FP1", "path[2].forwarder", false),
            tuple("FP1", "policy.criteria[0].classifier.vlan_id", true),
            tuple("FP1", "policy.criteria[1].classifier.tcp_flags", false));
    assertThat(e.getMessage())
        .startsWith(
            "5 problems: (1) node 'VNFFG1', property 'number_of_endpoints': is 3 but"
                + " connection_point lists 2: they must agree")
        .contains("(2) node 'FP1', property 'correlation': 'vxlan' is not a correlation")
        .contains("(3) node 'FP1', property 'path[2].forwarder': 'VNFD1' appears again")
        .contains("cannot match on vlan_id")
        .contains("unknown criterion 'tcp_flags'");
  }

  @Test
  void twoBadPathsAreBothNamed() {
    String nodes =
        fp("FP1", "tosca.nodes.nfv.FP.TackerV2", "path: []")
            + fp("FP2", "tosca.nodes.nfv.FP.Tacker", "path:\n" + PATH);
    String groups = GROUP.replace("members: [FP1]", "members: [FP1, FP2]");

    assertThat(refusal(template(nodes, groups)).problems())
        .extracting(Problem::node, Problem::property)
        .containsExactly(tuple("FP1", "path"), tuple("FP2", "policy"));
  }

  @Test
  void numberOfEndpointsMustEqualTheConnectionPoints() {
    assertOnlyProblem(
        withCriteria(CRITERIA).replace("number_of_endpoints: 2", "number_of_endpoints: 1"),
        "VNFFG1",
        "number_of_endpoints",
        "is 1 but connection_point lists 2: they must agree (Tacker: VnffgdWrongEndpointNumber)",
        false);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "vendor",
        "version",
        "number_of_endpoints",
        "dependent_virtual_link",
        "connection_point",
        "constituent_vnfs"
      })
  void everyGroupPropertyIsRequired(String property) {
    String group = GROUP.replaceAll("(?m)^    " + property + ":.*\n", "");
    ToscaException e = refusal(template(fp(v2Properties(CRITERIA)), group));
    assertThat(e.problems())
        .extracting(Problem::node, Problem::property, Problem::reason)
        .contains(tuple("VNFFG1", property, "is required"));
  }

  @Test
  void anUnknownGroupPropertyOrKeyIsInvalid() {
    String group =
        GROUP
            .replace("vendor: tacker", "vendor: tacker\n    colour: blue")
            .replace("members: [FP1]", "members: [FP1]\n  policies: []");
    assertThat(refusal(template(fp(v2Properties(CRITERIA)), group)).problems())
        .extracting(Problem::node, Problem::property, Problem::reason)
        .containsExactly(
            tuple("VNFFG1", "policies", "unknown key"),
            tuple("VNFFG1", "colour", "unknown property"));
  }

  @Test
  void aGroupOfAnotherTypeIsUnsupported() {
    String groups =
        GROUP
            + """
            placement:
              type: tosca.groups.Root
              members: [FP1]
            """;
    assertOnlyProblem(
        template(fp(v2Properties(CRITERIA)), groups),
        "placement",
        "type",
        "group type 'tosca.groups.Root' is not supported (only tosca.groups.nfv.VNFFG)",
        true);
  }

  @Test
  void withoutGroupsTheTemplateIsRefused() {
    String yaml =
        Vnffgds.HEADER
            + "topology_template:\n  node_templates:\n"
            + fp(v2Properties(CRITERIA)).indent(4);
    ToscaException e = refusal(yaml);
    assertThat(e.problems())
        .extracting(Problem::node, Problem::property)
        .containsExactly(tuple(null, "topology_template.groups"), tuple("FP1", null));
    assertThat(e.getMessage())
        .contains("missing: a VNFFG descriptor needs a tosca.groups.nfv.VNFFG group")
        .contains("is no member of a tosca.groups.nfv.VNFFG group");
  }

  @Test
  void aGroupMemberMustBeAForwardingPathOfTheTemplate() {
    String nodes =
        fp(v2Properties(CRITERIA))
            + """
            VDU1:
              type: tosca.nodes.nfv.VDU.Tacker
              properties: {image: cirros}
            """;
    String groups = GROUP.replace("members: [FP1]", "members: [FP1, VDU1, FP9]");
    ToscaException e = refusal(template(nodes, groups));

    assertThat(e.problems())
        .extracting(Problem::node, Problem::property, Problem::reason)
        .containsExactly(
            tuple(
                "VNFFG1",
                "members",
                "'VDU1' is a node of type 'tosca.nodes.nfv.VDU.Tacker', not a forwarding path"
                    + " (tosca.nodes.nfv.FP.TackerV2 or tosca.nodes.nfv.FP.Tacker)"),
            tuple("VNFFG1", "members", "'FP9' is no node of this template"),
            tuple(
                "VDU1",
                null,
                "node type 'tosca.nodes.nfv.VDU.Tacker' does not belong in a VNFFG descriptor,"
                    + " whose nodes are forwarding paths (tosca.nodes.nfv.FP.TackerV2 or"
                    + " tosca.nodes.nfv.FP.Tacker); a tosca.nodes.nfv.VDU.Tacker belongs in a"
                    + " VNFD"));
  }

  @Test
  void aPathBelongsToOneGroup() {
    String groups = GROUP + GROUP.replace("VNFFG1:", "VNFFG2:");
    assertOnlyProblem(
        template(fp(v2Properties(CRITERIA)), groups),
        "VNFFG2",
        "members",
        "'FP1' is already a member of group 'VNFFG1': a forwarding path belongs to one VNFFG",
        false);
  }

  @Test
  void aTemplateWithoutForwardingPathIsRefused() {
    String yaml =
        template(
            """
            VL1:
              type: tosca.nodes.nfv.VL
              properties: {network_name: net0, vendor: tacker}
            """,
            GROUP.replace("members: [FP1]", "members: [VL1]"));
    assertThat(refusal(yaml).problems())
        .extracting(Problem::node, Problem::property)
        .containsExactly(
            tuple("VNFFG1", "members"),
            tuple("VL1", null),
            tuple(null, "topology_template.node_templates"));
  }

  @Test
  void aNetworkServiceIsNoVnffgd() {
    String yaml =
        withCriteria(CRITERIA)
            .replace("topology_template:", "imports: [vnfd1]\ntopology_template:");
    assertThat(refusal(yaml).getMessage())
        .isEqualTo(
            "not a VNFFG descriptor: it defines an NS (network service): it imports other"
                + " descriptors and has no VDU");
  }

  @Test
  void aTemplateWithoutToscaVersionIsRefused() {
    assertThat(refusal("net_src_port_id: 640dfd77-c92b-45a3-b8fc-22712de480e1\n").getMessage())
        .contains("'tosca_definitions_version': missing");
  }

  // --- path

  @Test
  void anEmptyPathIsInvalid() {
    assertOnlyProblem(
        template(fp("id: 51\npath: []"), GROUP),
        "FP1",
        "path",
        "is empty: a forwarding path passes through at least one VNF",
        false);
  }

  @Test
  void aPathIsRequired() {
    assertOnlyProblem(template(fp("id: 51"), GROUP), "FP1", "path", "is required", false);
  }

  @Test
  void aForwarderMayNotComeBackAfterAnother() {
    assertOnlyProblem(
        withPath(
            """
            - {forwarder: VNFD1, capability: CP12}
            - {forwarder: VNFD2, capability: CP22}
            - {forwarder: VNFD1, capability: CP12}
            """),
        "FP1",
        "path[2].forwarder",
        "'VNFD1' appears again after another forwarder: a VNF is one hop of a path, its entries"
            + " consecutive (Tacker: VnffgdDuplicateForwarderException)",
        false);
  }

  @Test
  void aForwarderMayNotBeListedThreeTimesInARow() {
    assertOnlyProblem(
        withPath(
            """
            - {forwarder: VNFD1, capability: CP12}
            - {forwarder: VNFD1, capability: CP22}
            - {forwarder: VNFD1, capability: CP12}
            """),
        "FP1",
        "path[2].forwarder",
        "'VNFD1' is listed more than twice in a row",
        false);
  }

  @Test
  void aConnectionPointMayNotBeBothIngressAndEgressEntries() {
    assertOnlyProblem(
        withPath(
            """
            - {forwarder: VNFD1, capability: CP12}
            - {forwarder: VNFD1, capability: CP12}
            """),
        "FP1",
        "path[1].capability",
        "connection point 'CP12' of 'VNFD1' is listed twice",
        false);
  }

  @Test
  void oneHopHasOneSfcEncap() {
    assertOnlyProblem(
        withPath(
            """
            - {forwarder: VNFD1, capability: CP12, sfc_encap: false}
            - {forwarder: VNFD1, capability: CP22, sfc_encap: true}
            """),
        "FP1",
        "path[1].sfc_encap",
        "differs from path[0]'s",
        false);
  }

  @Test
  void everyPathEntryNeedsForwarderAndCapability() {
    ToscaException e =
        refusal(
            withPath(
                """
                - {forwarder: VNFD1}
                - {capability: CP22, sfc_encap: maybe, weight: 2}
                - CP12
                """));
    assertThat(e.problems())
        .extracting(Problem::property)
        .containsExactly(
            "path[0].capability",
            "path[1].weight",
            "path[1].forwarder",
            "path[1].sfc_encap",
            "path[2]");
  }

  @Test
  void everyForwarderIsAConstituentVnfdAndEveryCapabilityAConnectionPointOfTheGroup() {
    ToscaException e =
        refusal(
            withPath(
                """
                - {forwarder: VNFD1, capability: CP11}
                - {forwarder: VNFD3, capability: CP22}
                """));
    assertThat(e.problems())
        .extracting(Problem::node, Problem::property, Problem::reason)
        .containsExactly(
            tuple(
                "FP1",
                "path[0].capability",
                "'CP11' is not in group 'VNFFG1''s connection_point [CP12, CP22]"),
            tuple(
                "FP1",
                "path[1].forwarder",
                "'VNFD3' is not one of group 'VNFFG1''s constituent_vnfs [VNFD1, VNFD2]"));
  }

  // --- path properties

  @ParameterizedTest
  @ValueSource(strings = {"0", "65536", "-1"})
  void aPathIdIsNetworkingSfcsChainId(String id) {
    assertOnlyProblem(
        withCriteria(CRITERIA).replace("id: 51", "id: " + id),
        "FP1",
        "id",
        "is out of range: networking-sfc's chain_id is 1 to 65535",
        false);
  }

  @Test
  void aPathIdThatIsNoNumberIsInvalid() {
    assertOnlyProblem(
        withCriteria(CRITERIA).replace("id: 51", "id: first"),
        "FP1",
        "id",
        "expected a whole number",
        false);
  }

  @Test
  void twoPathsMayNotShareAPathId() {
    String nodes =
        fp(v2Properties(CRITERIA))
            + fp(
                "FP2",
                "tosca.nodes.nfv.FP.TackerV2",
                "id: 51\npath:\n  - {forwarder: VNFD1, capability: CP12}");
    assertOnlyProblem(
        template(nodes, GROUP.replace("members: [FP1]", "members: [FP1, FP2]")),
        "FP2",
        "id",
        "path id 51 is also forwarding path 'FP1''s",
        false);
  }

  @Test
  void aSymmetricalPathNeedsDestinationPortAndPrefixInEveryClassifier() {
    String properties =
        """
        symmetrical: true
        policy:
          criteria:
            - name: with-both
              classifier:
                network_src_port_id: %s
                network_dst_port_id: %s
                ip_dst_prefix: 10.10.0.9/24
            - name: without-port
              classifier:
                network_src_port_id: %s
                ip_dst_prefix: 10.10.1.0/24
            - name: without-either
              classifier:
                network_src_port_id: %s
                ip_proto: 17
        path:
        """
                .formatted(SRC, DST, SRC, SRC)
            + PATH;
    ToscaException e = refusal(template(fp(properties), GROUP));

    assertThat(e.problems())
        .extracting(Problem::property, Problem::reason)
        .containsExactly(
            tuple(
                "policy.criteria[1].classifier",
                "a symmetrical path needs network_dst_port_id and ip_dst_prefix in every classifier"
                    + " (networking-sfc classifies the reverse traffic by them); missing"
                    + " network_dst_port_id"),
            tuple(
                "policy.criteria[2].classifier",
                "a symmetrical path needs network_dst_port_id and ip_dst_prefix in every classifier"
                    + " (networking-sfc classifies the reverse traffic by them); missing"
                    + " network_dst_port_id and ip_dst_prefix"));
  }

  @Test
  void anUnknownPathPropertyIsInvalid() {
    assertOnlyProblem(
        template(fp(v2Properties(CRITERIA).replace("id: 51", "id: 51\nweight: 3")), GROUP),
        "FP1",
        "weight",
        "unknown property",
        false);
  }

  // --- policy

  @Test
  void thePolicyTypeIsAcl() {
    assertOnlyProblem(
        withCriteria(CRITERIA).replace("type: ACL", "type: QoS"),
        "FP1",
        "policy.type",
        "'QoS' is not a policy type: ACL is the only one",
        false);
  }

  @Test
  void anEmptyCriteriaListIsInvalid() {
    assertOnlyProblem(
        template(fp("policy:\n  type: ACL\n  criteria: []\npath:\n" + PATH), GROUP),
        "FP1",
        "policy.criteria",
        "is empty: give at least one classifier, or leave policy out",
        false);
  }

  @Test
  void aPolicyWithoutCriteriaIsInvalid() {
    assertOnlyProblem(
        template(fp("policy:\n  type: ACL\npath:\n" + PATH), GROUP),
        "FP1",
        "policy.criteria",
        "is required",
        false);
  }

  @Test
  void aLegacyPathNeedsAPolicy() {
    assertOnlyProblem(
        template(fp("FP1", "tosca.nodes.nfv.FP.Tacker", "path:\n" + PATH), GROUP),
        "FP1",
        "policy",
        "is required for tosca.nodes.nfv.FP.Tacker (tosca.nodes.nfv.FP.TackerV2 makes a path"
            + " without classifiers)",
        false);
  }

  @Test
  void aV2ClassifierNeedsANameAndCriteria() {
    String properties =
        """
        policy:
          criteria:
            - classifier: {network_src_port_id: %s}
            - name: empty
              classifier: {}
            - name: none
        path:
        """
                .formatted(SRC)
            + PATH;
    assertThat(refusal(template(fp(properties), GROUP)).problems())
        .extracting(Problem::property, Problem::reason)
        .containsExactly(
            tuple(
                "policy.criteria[0].name",
                "is required: each classifier of a tosca.nodes.nfv.FP.TackerV2 path is named"
                    + " (Tacker updates classifiers by name)"),
            tuple(
                "policy.criteria[1].classifier",
                "no criteria: a flow classifier must match on something"),
            tuple("policy.criteria[2].classifier", "is required: the classifier's criteria"));
  }

  @Test
  void twoV2ClassifiersOfAPathHaveDifferentNames() {
    String properties =
        """
        policy:
          criteria:
            - name: web
              classifier: {network_src_port_id: %s, ip_proto: 6}
            - name: web
              classifier: {network_src_port_id: %s, ip_proto: 17}
        path:
        """
                .formatted(SRC, DST)
            + PATH;
    assertOnlyProblem(
        template(fp(properties), GROUP),
        "FP1",
        "policy.criteria[1].name",
        "'web' is also policy.criteria[0]'s name",
        false);
  }

  @Test
  void aLegacyCriteriaEntryIsNoNamedClassifier() {
    assertOnlyProblem(
        legacy("- name: web\n  ip_proto: 6"),
        "FP1",
        "policy.criteria[0].name",
        "a named classifier needs tosca.nodes.nfv.FP.TackerV2",
        false);
  }

  @Test
  void identicalClassifiersAreDuplicates() {
    String properties =
        """
        policy:
          criteria:
            - name: one
              classifier: {network_src_port_id: %s, ip_proto: 6}
            - name: two
              classifier: {ip_proto: 6, network_src_port_id: %s, eth_type: IPv4}
        path:
        """
                .formatted(SRC, SRC)
            + PATH;
    assertOnlyProblem(
        template(fp(properties), GROUP),
        "FP1",
        "policy.criteria[1].classifier",
        "matches the same traffic as policy.criteria[0].classifier: Tacker refuses duplicate"
            + " classifiers (NfpDuplicatePolicyCriteria)",
        false);
  }

  @Test
  void identicalLegacyEntriesAreDuplicates() {
    assertOnlyProblem(
        legacy(
            """
            - {network_src_port_id: %s, ip_proto: 6}
            - {network_src_port_id: %s, ip_proto: 6}
            """
                .formatted(SRC, SRC)),
        "FP1",
        "policy.criteria[1]",
        "matches the same traffic as policy.criteria[0]",
        false);
  }

  // --- networking-sfc's overlap rules

  @Test
  void overlappingClassifiersOfOnePathAreRefusedAsNetworkingSfcDoes() {
    String properties =
        """
        policy:
          criteria:
            - name: web
              classifier: {network_src_port_id: %s, ip_proto: 6, destination_port_range: 80-1024}
            - name: alt
              classifier: {network_src_port_id: %s, ip_proto: 6, destination_port_range: 443}
            - name: other-net
              classifier: {network_src_port_id: %s, ip_dst_prefix: 10.0.0.0/8}
            - name: other-port
              classifier: {network_src_port_id: %s}
        path:
        """
                .formatted(SRC, SRC, SRC, DST)
            + PATH;
    ToscaException e = refusal(template(fp(properties), GROUP));

    assertThat(e.problems())
        .extracting(Problem::property, Problem::unsupported)
        .containsExactly(
            tuple("policy.criteria[1].classifier", true),
            tuple("policy.criteria[2].classifier", true));
    assertThat(e.problems().get(0).reason())
        .startsWith("overlaps policy.criteria[0].classifier")
        .endsWith(
            "networking-sfc refuses a flow classifier that overlaps another"
                + " (FlowClassifierInConflict)");
  }

  @Test
  void classifiersOfTwoPathsMayNotOverlapWhateverTheirPorts() {
    String nodes =
        fp(v2Properties(CRITERIA))
            + fp(
                "FP2",
                "tosca.nodes.nfv.FP.TackerV2",
                """
                id: 52
                policy:
                  criteria:
                    - name: other-source
                      classifier:
                        network_src_port_id: %s
                        destination_port_range: 1000-2000
                        ip_proto: 6
                        ip_dst_prefix: 10.10.0.0/16
                    - name: other-ports
                      classifier:
                        network_src_port_id: %s
                        destination_port_range: 8080
                        ip_proto: 6
                path:
                  - {forwarder: VNFD1, capability: CP12}
                """
                    .formatted(DST, DST));
    ToscaException e =
        refusal(template(nodes, GROUP.replace("members: [FP1]", "members: [FP1, FP2]")));

    assertThat(e.problems())
        .extracting(Problem::node, Problem::property)
        .containsExactly(tuple("FP2", "policy.criteria[0].classifier"));
    assertThat(e.problems().get(0).reason())
        .isEqualTo(
            "overlaps forwarding path 'FP1''s policy.criteria[0].classifier in ethertype,"
                + " protocol, prefixes and ports: networking-sfc refuses two port chains whose"
                + " classifiers overlap so, whatever their Neutron ports"
                + " (PortChainFlowClassifierInConflict)");
  }

  @Test
  void classifiersThatDifferInOneFieldDoNotOverlap() {
    String properties =
        """
        policy:
          criteria:
            - name: tcp
              classifier: {network_src_port_id: %1$s, ip_proto: 6}
            - name: udp
              classifier: {network_src_port_id: %1$s, ip_proto: 17}
            - name: v6
              classifier: {network_src_port_id: %1$s, eth_type: IPv6}
            - name: net-a
              classifier: {network_src_port_id: %1$s, ip_proto: 1, ip_src_prefix: 10.1.0.0/16}
            - name: net-b
              classifier: {network_src_port_id: %1$s, ip_proto: 1, ip_src_prefix: 10.2.0.0/16}
        path:
        """
                .formatted(SRC)
            + PATH;
    assertThat(parse(template(fp(properties), GROUP)).paths().get(0).classifiers()).hasSize(5);
  }
}
