package io.nfvflow.tosca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Onboarding checks a VNFD before any VNF gives values for its inputs. */
class ToscaParserValidateTest {

  private final ToscaParser parser = new ToscaParser();

  private static final String WITH_INPUT =
      """
      tosca_definitions_version: tosca_simple_profile_for_nfv_1_0_0
      topology_template:
        inputs:
          image_name:
            type: string
          replicas:
            type: integer
        node_templates:
          VDU1:
            type: tosca.nodes.nfv.VDU.Tacker
            properties:
              vnfcs:
                app:
                  image: { get_input: image_name }
      """;

  @Test
  void inputsWithoutDefaultDoNotFailOnboarding() {
    assertThat(parser.validate(WITH_INPUT).containerVdus()).hasSize(1);
  }

  @Test
  void theSameInputsFailWhenAVnfGivesNoValue() {
    assertThatThrownBy(() -> parser.parse(WITH_INPUT, java.util.Map.of()))
        .isInstanceOf(ToscaException.class)
        .hasMessageContaining("image_name");
  }

  @Test
  void everyOtherRuleStillApplies() {
    assertThatThrownBy(
            () ->
                parser.validate(
                    WITH_INPUT.replace("image: { get_input: image_name }", "ports: [\"80\"]")))
        .isInstanceOf(ToscaException.class)
        .hasMessageContaining("VDU1")
        .hasMessageContaining("image");
  }

  @Test
  void tackersWithParamsSampleOnboardsWithoutItsParameterFile() throws Exception {
    String yaml =
        java.nio.file.Files.readString(
            TackerCorpus.tacker()
                .resolve("samples/tosca-templates/vnfd/tosca-vnfd-with-params.yaml"));
    assertThat(parser.validate(yaml).vmVdus()).isNotEmpty();
  }

  @Test
  void monitoringParametersFromTextInputsOnboard() {
    String yaml =
        """
        tosca_definitions_version: tosca_simple_profile_for_nfv_1_0_0
        topology_template:
          inputs:
            delay: {type: string}
            port: {type: string}
            on_failure: {type: string}
          node_templates:
            VDU1:
              type: tosca.nodes.nfv.VDU.Tacker
              properties:
                image: cirros
                flavor: m1.tiny
                monitoring_policy:
                  name: http_ping
                  parameters: {monitoring_delay: {get_input: delay}, port: {get_input: port}}
                  actions: {failure: {get_input: on_failure}}
        """;
    assertThat(parser.validate(yaml).monitoringPolicy("VDU1")).isPresent();
    assertThat(
            parser
                .parse(yaml, java.util.Map.of("delay", "60", "port", "8080", "on_failure", "log"))
                .monitoringPolicy("VDU1")
                .orElseThrow())
        .extracting(MonitoringPolicy::port, MonitoringPolicy::onFailure)
        .containsExactly(8080, MonitoringPolicy.Action.LOG);
  }
}
