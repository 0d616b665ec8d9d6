package io.nfvflow.tosca.vnffg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.ToscaException.Problem;
import java.util.Map;

/** Small VNFFGDs for unit tests: a valid one, to which a test changes one thing. */
final class Vnffgds {

  static final String HEADER =
      """
      tosca_definitions_version: tosca_simple_profile_for_nfv_1_0_0
      description: test chain
      metadata:
        template_name: test-vnffgd
      """;

  /** A valid classifier's criteria (TackerV2), as in Tacker's sample. */
  static final String CRITERIA =
      """
      network_src_port_id: 14ad4f29-629f-4b97-8bc8-86e96cb49974
      destination_port_range: 80-1024
      ip_proto: 6
      ip_dst_prefix: 10.10.0.5/24
      """;

  /** The two-VNF path of Tacker's samples. */
  static final String PATH =
      """
      - forwarder: VNFD1
        capability: CP12
      - forwarder: VNFD2
        capability: CP22
      """;

  /** The VNFFG1 group of Tacker's samples, with FP1 as member. */
  static final String GROUP =
      """
      VNFFG1:
        type: tosca.groups.nfv.VNFFG
        description: HTTP to Corporate Net
        properties:
          vendor: tacker
          version: 1.0
          number_of_endpoints: 2
          dependent_virtual_link: [VL12, VL22]
          connection_point: [CP12, CP22]
          constituent_vnfs: [VNFD1, VNFD2]
        members: [FP1]
      """;

  static final VnffgdParser PARSER = new VnffgdParser();

  private Vnffgds() {}

  /** A template of the given node_templates and groups (each written at indent 0). */
  static String template(String nodes, String groups) {
    return HEADER
        + "topology_template:\n  node_templates:\n"
        + nodes.indent(4)
        + "  groups:\n"
        + groups.indent(4);
  }

  /** A TackerV2 FP node named FP1 with the given properties (written at indent 0). */
  static String fp(String properties) {
    return fp("FP1", "tosca.nodes.nfv.FP.TackerV2", properties);
  }

  static String fp(String name, String type, String properties) {
    return name + ":\n  type: " + type + "\n  properties:\n" + properties.indent(4);
  }

  /** id 51, one classifier 'web' with the criteria, the two-VNF path. */
  static String v2Properties(String criteria) {
    return "id: 51\npolicy:\n  type: ACL\n  criteria:\n    - name: web\n      classifier:\n"
        + criteria.indent(8)
        + "path:\n"
        + PATH;
  }

  /** The sample template with one classifier of the given criteria. */
  static String withCriteria(String criteria) {
    return template(fp(v2Properties(criteria)), GROUP);
  }

  /** The legacy FP.Tacker template with the given criteria list (written at indent 0). */
  static String legacy(String criteriaList) {
    return template(
        fp(
            "FP1",
            "tosca.nodes.nfv.FP.Tacker",
            "id: 51\npolicy:\n  type: ACL\n  criteria:\n"
                + criteriaList.indent(4)
                + "path:\n"
                + PATH),
        GROUP);
  }

  static VnffgDescriptor parse(String yaml) {
    return PARSER.parse(yaml, Map.of());
  }

  static VnffgDescriptor parse(String yaml, Map<String, Object> params) {
    return PARSER.parse(yaml, params);
  }

  /** The one classifier of the one path. */
  static Classifier classifier(String yaml) {
    return parse(yaml).paths().get(0).classifiers().get(0);
  }

  /** The refusal of a template. */
  static ToscaException refusal(String yaml) {
    return refusal(yaml, Map.of());
  }

  static ToscaException refusal(String yaml, Map<String, Object> params) {
    ToscaException[] caught = new ToscaException[1];
    assertThatThrownBy(() -> PARSER.parse(yaml, params))
        .isInstanceOf(ToscaException.class)
        .satisfies(e -> caught[0] = (ToscaException) e);
    return caught[0];
  }

  /** Asserts the template's only problem: node, property, a reason substring, unsupported. */
  static void assertOnlyProblem(
      String yaml, String node, String property, String reason, boolean unsupported) {
    ToscaException e = refusal(yaml);
    assertThat(e.problems()).as(e.getMessage()).hasSize(1);
    Problem p = e.problems().get(0);
    assertThat(p.node()).as(e.getMessage()).isEqualTo(node);
    assertThat(p.property()).as(e.getMessage()).isEqualTo(property);
    assertThat(p.reason()).contains(reason);
    assertThat(p.unsupported()).as("unsupported: " + e.getMessage()).isEqualTo(unsupported);
  }
}
