package io.nfvflow.tosca;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.assertj.core.api.ObjectAssert;

/** Small templates for unit tests: a header plus node templates and policies given as YAML. */
final class Templates {

  static final String HEADER =
      """
      tosca_definitions_version: tosca_simple_profile_for_nfv_1_0_0
      description: test
      metadata:
        template_name: test
      """;

  /** A valid VM VDU node, to which a test adds or changes one thing. */
  static final String VM_VDU =
      """
          VDU1:
            type: tosca.nodes.nfv.VDU.Tacker
            properties:
              image: cirros
              flavor: m1.tiny
      """;

  private static final ToscaParser PARSER = new ToscaParser();

  private Templates() {}

  /** A template whose node_templates section is the given (indented by 4) YAML. */
  static String withNodes(String nodes) {
    return HEADER + "topology_template:\n  node_templates:\n" + nodes;
  }

  static VnfDescriptor parse(String yaml) {
    return PARSER.parse(yaml, Map.of());
  }

  static VnfDescriptor parse(String yaml, Map<String, Object> params) {
    return PARSER.parse(yaml, params);
  }

  /** Asserts the template is refused and returns the exception for further checks. */
  static ObjectAssert<ToscaException> refusal(String yaml) {
    return refusal(yaml, Map.of());
  }

  static ObjectAssert<ToscaException> refusal(String yaml, Map<String, Object> params) {
    ToscaException[] caught = new ToscaException[1];
    assertThatThrownBy(() -> PARSER.parse(yaml, params))
        .isInstanceOf(ToscaException.class)
        .satisfies(e -> caught[0] = (ToscaException) e);
    return new ObjectAssert<>(caught[0]);
  }

  /** Asserts an invalid-descriptor error naming the node and property, with the reason. */
  static void assertInvalid(String yaml, String node, String property, String reason) {
    assertRefused(yaml, node, property, reason, false);
  }

  /** Asserts an unsupported-feature error naming the node and property, with the reason. */
  static void assertUnsupported(String yaml, String node, String property, String reason) {
    assertRefused(yaml, node, property, reason, true);
  }

  private static void assertRefused(
      String yaml, String node, String property, String reason, boolean unsupported) {
    refusal(yaml)
        .satisfies(
            e -> {
              org.assertj.core.api.Assertions.assertThat(e.getMessage()).contains(reason);
              org.assertj.core.api.Assertions.assertThat(e.node()).isEqualTo(node);
              org.assertj.core.api.Assertions.assertThat(e.property()).isEqualTo(property);
              org.assertj.core.api.Assertions.assertThat(e.isUnsupported())
                  .as("unsupported (vs invalid): " + e.getMessage())
                  .isEqualTo(unsupported);
            });
  }
}
