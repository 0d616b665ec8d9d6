package io.nfvflow.tosca.vnffg;

import static io.nfvflow.tosca.vnffg.Vnffgds.GROUP;
import static io.nfvflow.tosca.vnffg.Vnffgds.PARSER;
import static io.nfvflow.tosca.vnffg.Vnffgds.PATH;
import static io.nfvflow.tosca.vnffg.Vnffgds.fp;
import static io.nfvflow.tosca.vnffg.Vnffgds.parse;
import static io.nfvflow.tosca.vnffg.Vnffgds.refusal;
import static io.nfvflow.tosca.vnffg.Vnffgds.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.ToscaException.Problem;
import io.nfvflow.tosca.yaml.SafeYamlReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code inputs} and {@code get_input}: param_values, defaults, missing values, onboarding. */
class VnffgdInputsTest {

  private static final String SRC = "640dfd77-c92b-45a3-b8fc-22712de480e1";
  private static final String DST = "8bff0400-a7b8-41eb-bbef-d7cff67a7361";

  /** Tacker's parameterized sample, with a defaulted input and one more for the path id. */
  private static final String INPUTS =
      """
      inputs:
        net_src_port_id: {type: string, description: Port UUID of source VM.}
        dst_port_range: {type: string}
        ip_dst_pre: {type: string, default: 10.10.0.0/16}
      """;

  private static final String PROPERTIES =
      """
      id: 51
      policy:
        type: ACL
        criteria:
          - name: web
            classifier:
              network_src_port_id: {get_input: net_src_port_id}
              destination_port_range: {get_input: dst_port_range}
              ip_proto: 6
              ip_dst_prefix: {get_input: ip_dst_pre}
      path:
      """
          + PATH;

  private static String withInputs(String inputs, String properties) {
    return template(fp(properties), GROUP)
        .replace("topology_template:\n", "topology_template:\n" + inputs.indent(2));
  }

  private static final String TEMPLATE = withInputs(INPUTS, PROPERTIES);

  @Test
  void valuesComeFromParamValuesElseFromTheDefault() {
    FlowMatch m =
        parse(TEMPLATE, Map.of("net_src_port_id", SRC, "dst_port_range", "80-1024"))
            .paths()
            .get(0)
            .classifiers()
            .get(0)
            .match();

    assertThat(m.logicalSourcePort()).isEqualTo(SRC);
    assertThat(m.destinationPortMin()).isEqualTo(80);
    assertThat(m.destinationPortMax()).isEqualTo(1024);
    assertThat(m.destinationIpPrefix()).isEqualTo("10.10.0.0/16");
  }

  @Test
  void aParamValueWinsOverTheDefaultAndUnusedValuesAreFine() {
    FlowMatch m =
        parse(
                TEMPLATE,
                Map.of(
                    "net_src_port_id",
                    SRC,
                    "dst_port_range",
                    443,
                    "ip_dst_pre",
                    "192.168.1.2/24",
                    "unused",
                    "anything"))
            .paths()
            .get(0)
            .classifiers()
            .get(0)
            .match();

    assertThat(m.destinationIpPrefix()).isEqualTo("192.168.1.2/24");
    assertThat(m.destinationPortMin()).isEqualTo(443);
  }

  @Test
  void everyInputWithoutValueIsNamedWithItsProperty() {
    ToscaException e = refusal(TEMPLATE);

    assertThat(e.problems())
        .extracting(Problem::node, Problem::property, Problem::reason)
        .containsExactly(
            tuple(
                "FP1",
                "policy.criteria[0].classifier.network_src_port_id",
                "input 'net_src_port_id' has no value: give it in param_values or give the input a"
                    + " default"),
            tuple(
                "FP1",
                "policy.criteria[0].classifier.destination_port_range",
                "input 'dst_port_range' has no value: give it in param_values or give the input a"
                    + " default"));
  }

  @Test
  void aValueFromParamValuesIsCheckedLikeAWrittenOne() {
    ToscaException e =
        refusal(TEMPLATE, Map.of("net_src_port_id", "port 1", "dst_port_range", "1024-80"));

    assertThat(e.problems())
        .extracting(Problem::property)
        .containsExactly(
            "policy.criteria[0].classifier.network_src_port_id",
            "policy.criteria[0].classifier.destination_port_range");
  }

  @Test
  void anUndeclaredInputIsInvalid() {
    String yaml = TEMPLATE.replace("{get_input: ip_dst_pre}", "{get_input: ip_dst_prefix}");
    assertThat(refusal(yaml, Map.of("net_src_port_id", SRC, "dst_port_range", "80")).getMessage())
        .isEqualTo(
            "node 'FP1', property 'policy.criteria[0].classifier.ip_dst_prefix': get_input refers"
                + " to input 'ip_dst_prefix', which topology_template.inputs does not declare");
  }

  @Test
  void getInputWorksForPathIdsPathsGroupsAndWholeClassifiers() {
    String inputs =
        """
        inputs:
          path_id: {type: integer}
          classifier: {type: map}
          vnfs: {type: list}
        """;
    String properties =
        """
        id: {get_input: path_id}
        symmetrical: {get_input: symmetric}
        policy:
          criteria:
            - name: web
              classifier: {get_input: classifier}
        path:
        """
            + PATH;
    String yaml =
        withInputs(inputs + "  symmetric: {type: boolean, default: false}\n", properties)
            .replace("constituent_vnfs: [VNFD1, VNFD2]", "constituent_vnfs: {get_input: vnfs}");

    VnffgDescriptor d =
        parse(
            yaml,
            Map.of(
                "path_id", "7",
                "classifier", Map.of("network_src_port_id", SRC, "ip_proto", 17),
                "vnfs", java.util.List.of("VNFD1", "VNFD2")));

    assertThat(d.paths().get(0).pathId()).isEqualTo(7);
    assertThat(d.paths().get(0).classifiers().get(0).match().protocol()).isEqualTo("udp");
    assertThat(d.constituentVnfds()).containsExactly("VNFD1", "VNFD2");
  }

  // --- onboarding (validate): no param_values yet

  @Test
  void atOnboardingInputsWithoutDefaultTakePlaceholdersThatFitWhatTheyFeed() {
    Map<String, Object> tree = new SafeYamlReader().readMap(TEMPLATE, "descriptor");

    FlowMatch m = PARSER.validate(tree).paths().get(0).classifiers().get(0).match();

    assertThat(m.logicalSourcePort()).matches("[0-9a-f-]{36}");
    assertThat(m.destinationPortMin()).isZero();
    assertThat(m.destinationPortMax()).isEqualTo(65535);
    assertThat(m.destinationIpPrefix()).isEqualTo("10.10.0.0/16");
  }

  @Test
  void atOnboardingEveryRuleButTheInputsStillApplies() {
    String yaml = TEMPLATE.replaceAll("( *)ip_proto: 6", "$1ip_proto: 6\n$1vlan_id: 3");
    Map<String, Object> tree = new SafeYamlReader().readMap(yaml, "descriptor");

    assertThatThrownBy(() -> PARSER.validate(tree))
        .isInstanceOf(ToscaException.class)
        .hasMessage(
            "node 'FP1', property 'policy.criteria[0].classifier.vlan_id': networking-sfc's flow"
                + " classifiers cannot match on vlan_id");
  }

  @Test
  void atOnboardingAPrefixPlaceholderFollowsTheClassifiersEthertype() {
    String inputs = "inputs:\n  src: {type: string}\n  dst: {type: string}\n";
    String properties =
        """
        policy:
          criteria:
            - name: v6
              classifier:
                network_src_port_id: {get_input: src}
                eth_type: 0x86dd
                ip_dst_prefix: {get_input: dst}
        path:
        """
            + PATH;
    Map<String, Object> tree =
        new SafeYamlReader().readMap(withInputs(inputs, properties), "descriptor");

    FlowMatch m = PARSER.validate(tree).paths().get(0).classifiers().get(0).match();

    assertThat(m.ethertype()).isEqualTo("IPv6");
    assertThat(m.destinationIpPrefix()).isEqualTo("::/0");
  }

  @Test
  void atOnboardingClassifiersWithPlaceholdersAreNotComparedForOverlaps() {
    String inputs = "inputs:\n  web_src: {type: string}\n  dns_src: {type: string}\n";
    String properties =
        """
        policy:
          criteria:
            - name: web
              classifier: {network_src_port_id: {get_input: web_src}, ip_dst_prefix: {get_input: dst}}
            - name: dns
              classifier: {network_src_port_id: {get_input: web_src}, ip_dst_prefix: {get_input: dst}}
        path:
        """
            + PATH;
    String yaml = withInputs(inputs + "  dst: {type: string}\n", properties);
    Map<String, Object> tree = new SafeYamlReader().readMap(yaml, "descriptor");

    assertThat(PARSER.validate(tree).paths().get(0).classifiers()).hasSize(2);
    assertThat(
            refusal(yaml, Map.of("web_src", SRC, "dns_src", DST, "dst", "10.0.0.0/8")).getMessage())
        .contains("matches the same traffic as policy.criteria[0].classifier");
  }

  @Test
  void atOnboardingATemplateWithoutInputsParsesAsIs() {
    Map<String, Object> tree =
        new SafeYamlReader().readMap(template(fp("path:\n" + PATH), GROUP), "descriptor");
    assertThat(PARSER.validate(tree)).isEqualTo(PARSER.parse(tree, Map.of()));
  }
}
