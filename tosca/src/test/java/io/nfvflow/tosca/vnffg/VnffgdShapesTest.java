package io.nfvflow.tosca.vnffg;

import static io.nfvflow.tosca.vnffg.Vnffgds.CRITERIA;
import static io.nfvflow.tosca.vnffg.Vnffgds.GROUP;
import static io.nfvflow.tosca.vnffg.Vnffgds.PARSER;
import static io.nfvflow.tosca.vnffg.Vnffgds.fp;
import static io.nfvflow.tosca.vnffg.Vnffgds.legacy;
import static io.nfvflow.tosca.vnffg.Vnffgds.parse;
import static io.nfvflow.tosca.vnffg.Vnffgds.template;
import static io.nfvflow.tosca.vnffg.Vnffgds.v2Properties;
import static io.nfvflow.tosca.vnffg.Vnffgds.withCriteria;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.nfvflow.tosca.yaml.SafeYamlReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shapes of a VNFFGD: TackerV2 and legacy paths, hops, groups, and what is a VNFFGD. */
class VnffgdShapesTest {

  private static final String SRC = "14ad4f29-629f-4b97-8bc8-86e96cb49974";

  @Test
  void readsTackersV2SampleIntoTheModel() {
    VnffgDescriptor d = parse(withCriteria(CRITERIA));

    assertThat(d.templateName()).isEqualTo("test-vnffgd");
    assertThat(d.description()).isEqualTo("test chain");
    assertThat(d.constituentVnfds()).containsExactly("VNFD1", "VNFD2");
    assertThat(d.paths())
        .containsExactly(
            new ForwardingPath(
                "FP1",
                "VNFFG1",
                51,
                false,
                "mpls",
                List.of(
                    new Hop("VNFD1", "CP12", "CP12", true), new Hop("VNFD2", "CP22", "CP22", true)),
                List.of(
                    new Classifier(
                        "web",
                        new FlowMatch(
                            "IPv4", "tcp", null, null, 80, 1024, null, "10.10.0.5/24", SRC, null),
                        criteria(
                            "network_src_port_id", SRC,
                            "destination_port_min", 80,
                            "destination_port_max", 1024,
                            "ip_proto", 6,
                            "ip_dst_prefix", "10.10.0.5/24")))));
  }

  @Test
  void theCriteriaKeepTheirWrittenOrderWithTheRangeSplitInPlace() {
    Classifier c = parse(withCriteria(CRITERIA)).paths().get(0).classifiers().get(0);
    assertThat(c.criteria().keySet())
        .containsExactly(
            "network_src_port_id",
            "destination_port_min",
            "destination_port_max",
            "ip_proto",
            "ip_dst_prefix");
  }

  @Test
  void twoConsecutiveEntriesOfOneForwarderAreOneHopFromIngressToEgress() {
    String path =
        """
        path:
          - {forwarder: VNFD1, capability: CP11}
          - {forwarder: VNFD1, capability: CP12}
          - {forwarder: VNFD2, capability: CP22, sfc_encap: false}
        """;
    String yaml =
        template(
            fp("id: 51\n" + path),
            GROUP
                .replace("[CP12, CP22]", "[CP11, CP12, CP22]")
                .replace("number_of_endpoints: 2", "number_of_endpoints: 3"));

    assertThat(parse(yaml).paths().get(0).hops())
        .containsExactly(
            new Hop("VNFD1", "CP11", "CP12", true), new Hop("VNFD2", "CP22", "CP22", false));
  }

  @Test
  void aV2PathWithoutPolicyHasNoClassifierAndTheDefaults() {
    ForwardingPath path = parse(template(fp("path:\n" + Vnffgds.PATH), GROUP)).paths().get(0);

    assertThat(path.pathId()).isNull();
    assertThat(path.symmetrical()).isFalse();
    assertThat(path.correlation()).isEqualTo("mpls");
    assertThat(path.classifiers()).isEmpty();
  }

  @Test
  void readsSymmetricalAndNshCorrelation() {
    String criteria = CRITERIA + "network_dst_port_id: 8bff0400-a7b8-41eb-bbef-d7cff67a7361\n";
    ForwardingPath path =
        parse(template(fp("symmetrical: true\ncorrelation: nsh\n" + v2Properties(criteria)), GROUP))
            .paths()
            .get(0);

    assertThat(path.symmetrical()).isTrue();
    assertThat(path.correlation()).isEqualTo("nsh");
  }

  @Test
  void eachV2CriteriaEntryIsItsOwnNamedClassifier() {
    String properties =
        """
        policy:
          criteria:
            - name: web
              classifier:
                network_src_port_id: 14ad4f29-629f-4b97-8bc8-86e96cb49974
                destination_port_range: 80-1024
                ip_proto: 6
            - name: dns
              classifier:
                network_src_port_id: 14ad4f29-629f-4b97-8bc8-86e96cb49974
                ip_proto: 17
                destination_port_range: 53
        path:
        """
            + Vnffgds.PATH;

    assertThat(parse(template(fp(properties), GROUP)).paths().get(0).classifiers())
        .extracting(
            Classifier::name, c -> c.match().protocol(), c -> c.match().destinationPortMin())
        .containsExactly(tuple("web", "tcp", 80), tuple("dns", "udp", 53));
  }

  @Test
  void legacySingleKeyEntriesMergeIntoOneUnnamedClassifier() {
    VnffgDescriptor d =
        parse(
            legacy(
                """
                - network_src_port_id: 14ad4f29-629f-4b97-8bc8-86e96cb49974
                - destination_port_range: 80-1024
                - ip_proto: 6
                - ip_dst_prefix: 10.10.0.5/24
                """));

    assertThat(d.paths().get(0).classifiers())
        .containsExactly(
            new Classifier(
                null,
                new FlowMatch("IPv4", "tcp", null, null, 80, 1024, null, "10.10.0.5/24", SRC, null),
                criteria(
                    "network_src_port_id", SRC,
                    "destination_port_min", 80,
                    "destination_port_max", 1024,
                    "ip_proto", 6,
                    "ip_dst_prefix", "10.10.0.5/24")));
  }

  @Test
  void legacyEntriesOfSeveralCriteriaAreOneUnnamedClassifierEachAsInTacker8() {
    VnffgDescriptor d =
        parse(
            legacy(
                """
                - network_src_port_id: 14ad4f29-629f-4b97-8bc8-86e96cb49974
                  ip_proto: 6
                  ip_dst_prefix: 192.168.1.0/24
                - network_src_port_id: 14ad4f29-629f-4b97-8bc8-86e96cb49974
                  ip_proto: 6
                  ip_dst_prefix: 192.168.2.0/24
                """));

    assertThat(d.paths().get(0).classifiers())
        .extracting(Classifier::name, c -> c.match().destinationIpPrefix())
        .containsExactly(tuple(null, "192.168.1.0/24"), tuple(null, "192.168.2.0/24"));
  }

  @Test
  void legacySingleKeyEntriesThatRepeatAKeyAreOneClassifierEach() {
    VnffgDescriptor d =
        parse(
            legacy(
                """
                - network_src_port_id: 14ad4f29-629f-4b97-8bc8-86e96cb49974
                - network_src_port_id: 8bff0400-a7b8-41eb-bbef-d7cff67a7361
                """));

    assertThat(d.paths().get(0).classifiers())
        .extracting(c -> c.match().logicalSourcePort())
        .containsExactly(SRC, "8bff0400-a7b8-41eb-bbef-d7cff67a7361");
  }

  @Test
  void everyPathOfEveryGroupIsReadInGroupOrderWithItsGroup() {
    String nodes =
        fp(v2Properties(CRITERIA))
            + fp(
                "FP2",
                "tosca.nodes.nfv.FP.TackerV2",
                """
                id: 52
                policy:
                  criteria:
                    - name: alt-http
                      classifier:
                        network_src_port_id: 14ad4f29-629f-4b97-8bc8-86e96cb49974
                        destination_port_range: 8080-8080
                        ip_proto: 6
                path:
                  - {forwarder: VNFD1, capability: CP12}
                """);
    String groups =
        GROUP
            + """
            VNFFG2:
              type: tosca.groups.nfv.VNFFG
              properties:
                vendor: tacker
                version: 1.0
                number_of_endpoints: 1
                dependent_virtual_link: [VL12]
                connection_point: [CP12]
                constituent_vnfs: [VNFD1, VNFD3]
              members: [FP2]
            """;

    VnffgDescriptor d = parse(template(nodes, groups));

    assertThat(d.paths())
        .extracting(ForwardingPath::name, ForwardingPath::group, ForwardingPath::pathId)
        .containsExactly(tuple("FP1", "VNFFG1", 51), tuple("FP2", "VNFFG2", 52));
    assertThat(d.constituentVnfds()).containsExactly("VNFD1", "VNFD2", "VNFD3");
  }

  @Test
  void aTreeFromAJsonRequestParsesLikeTheYaml() {
    String yaml = withCriteria(CRITERIA);
    Map<String, Object> tree = new SafeYamlReader().readMap(yaml, "descriptor");

    assertThat(PARSER.parse(tree, Map.of())).isEqualTo(parse(yaml));
  }

  @Test
  void withoutDescriptionOrTemplateNameBothAreNull() {
    String yaml = withCriteria(CRITERIA).replace("description: test chain\n", "");
    yaml = yaml.replace("metadata:\n  template_name: test-vnffgd\n", "");

    VnffgDescriptor d = parse(yaml);

    assertThat(d.description()).isNull();
    assertThat(d.templateName()).isNull();
  }

  @Test
  void aVnffgdIsATemplateWithAVnffgGroupThatIsNoNetworkService() {
    SafeYamlReader yaml = new SafeYamlReader();
    Map<String, Object> vnffgd = yaml.readMap(withCriteria(CRITERIA), "descriptor");
    Map<String, Object> fpsWithoutGroup =
        yaml.readMap(
            Vnffgds.HEADER + "topology_template:\n  node_templates:\n" + fp("path: []").indent(4),
            "descriptor");
    Map<String, Object> nsd = new LinkedHashMap<>(vnffgd);
    nsd.put("imports", List.of("sample-vnfd1", "sample-vnfd2"));
    Map<String, Object> vnfd =
        yaml.readMap(
            Vnffgds.HEADER
                + """
                topology_template:
                  node_templates:
                    VDU1:
                      type: tosca.nodes.nfv.VDU.Tacker
                      properties: {image: cirros}
                """,
            "descriptor");

    assertThat(VnffgdParser.isVnffgd(vnffgd)).isTrue();
    assertThat(VnffgdParser.isVnffgd(fpsWithoutGroup)).isTrue();
    assertThat(VnffgdParser.isVnffgd(nsd)).isFalse();
    assertThat(VnffgdParser.isVnffgd(vnfd)).isFalse();
    assertThat(VnffgdParser.isVnffgd(Map.of("net_src_port_id", "x"))).isFalse();
    assertThat(VnffgdParser.isVnffgd(null)).isFalse();
  }

  private static Map<String, Object> criteria(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
