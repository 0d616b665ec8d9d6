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
}
