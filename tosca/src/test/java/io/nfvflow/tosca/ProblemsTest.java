package io.nfvflow.tosca;

import static io.nfvflow.tosca.Templates.VM_VDU;
import static io.nfvflow.tosca.Templates.refusal;
import static io.nfvflow.tosca.Templates.withNodes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.nfvflow.tosca.ToscaException.Problem;
import org.junit.jupiter.api.Test;

/** Validation names every problem of a descriptor in one answer. */
class ProblemsTest {

  private static final String VL =
      """
          VL1:
            type: tosca.nodes.nfv.VL
            properties: {network_name: net0}
      """;

  private static ToscaException refused(String yaml) {
    return refusal(yaml).actual();
  }

  @Test
  void aVmVduWithoutImageAndWithWordyCpusNamesBoth() {
    ToscaException e =
        refused(
            withNodes(
                """
                    VDU1:
                      type: tosca.nodes.nfv.VDU.Tacker
                      capabilities:
                        nfv_compute:
                          properties: {num_cpus: lots, mem_size: 512 MB}
                """));
    assertThat(e.problems())
        .extracting(Problem::node, Problem::property)
        .containsExactly(tuple("VDU1", "image"), tuple("VDU1", "nfv_compute.num_cpus"));
    assertThat(e.getMessage())
        .startsWith("2 problems: (1) node 'VDU1', property 'image': missing image")
        .contains("; (2) node 'VDU1', property 'nfv_compute.num_cpus': expected a whole number");
    assertThat(e.node()).isEqualTo("VDU1");
    assertThat(e.property()).isEqualTo("image");
    assertThat(e.isUnsupported()).isFalse();
  }

  @Test
  void aContainerWithoutImageAndWithWordyCpusNamesBoth() {
    ToscaException e =
        refused(
            withNodes(
                """
                    VDU1:
                      type: tosca.nodes.nfv.VDU.Tacker
                      properties:
                        vnfcs:
                          web: {num_cpus: lots}
                """));
    assertThat(e.problems())
        .extracting(Problem::property)
        .containsExactly("vnfcs.web.image", "vnfcs.web.num_cpus");
  }

  @Test
  void twoWrongVdusAreBothNamed() {
    ToscaException e =
        refused(
            withNodes(
                VM_VDU.replace("flavor: m1.tiny", "flavor: m1.tiny\n        user_data_format: X")
                    + """
                        VDU2:
                          type: tosca.nodes.nfv.VDU.Tacker
                          properties: {flavor: m1.tiny}
                    """));
    assertThat(e.problems())
        .extracting(Problem::node, Problem::property)
        .containsExactly(tuple("VDU1", "user_data_format"), tuple("VDU2", "image"));
  }

  @Test
  void aBadConnectionPointAndABadPolicyAreBothNamed() {
    String yaml =
        withNodes(
                VM_VDU
                    + VL
                    + """
                        CP1:
                          type: tosca.nodes.nfv.CP.Tacker
                          properties: {mac_address: nope}
                          requirements:
                            - virtualLink: VL1
                            - virtualBinding: VDU1
                    """)
            + """
              policies:
                - SP1:
                    type: tosca.policies.tacker.Scaling
                    properties:
                      targets: [VDU1]
                      increment: 1
                      min_instances: 3
                      max_instances: 2
                      default_instances: 2
            """;
    assertThat(refused(yaml).problems())
        .extracting(Problem::node, Problem::property)
        .containsExactly(tuple("CP1", "mac_address"), tuple("SP1", "min_instances"));
  }

  @Test
  void everyWrongPropertyOfANodeIsNamed() {
    ToscaException e =
        refused(
            withNodes(
                VM_VDU
                    + VL
                    + """
                        CP1:
                          type: tosca.nodes.nfv.CP.Tacker
                          properties: {order: -1, ip_address: x, colour: red, name: cp}
                          requirements:
                            - virtualLink: VDU1
                    """));
    assertThat(e.problems())
        .extracting(Problem::property, Problem::unsupported)
        .containsExactly(
            tuple("colour", false),
            tuple("name", true),
            tuple("requirements.virtualBinding", false),
            tuple("requirements.virtualLink", false),
            tuple("order", false),
            tuple("ip_address", false));
  }

  @Test
  void oneProblemKeepsItsPlainMessage() {
    ToscaException e =
        refused(withNodes(VM_VDU.replace("flavor: m1.tiny", "flavor: m1.tiny\n        x: 1")));
    assertThat(e.getMessage()).isEqualTo("node 'VDU1', property 'x': unknown property");
    assertThat(e.problems()).hasSize(1);
  }

  @Test
  void aBrokenVduIsNotAlsoReportedAsMissing() {
    ToscaException e =
        refused(
            withNodes(
                """
                    VDU1:
                      type: tosca.nodes.nfv.VDU.Tacker
                      properties: {flavor: m1.tiny}
                """
                    + VL
                    + """
                        CP1:
                          type: tosca.nodes.nfv.CP.Tacker
                          requirements: [virtualLink: VL1, virtualBinding: VDU1]
                    """));
    assertThat(e.getMessage())
        .isEqualTo(
            "node 'VDU1', property 'image': missing image: give the image property or a"
                + " tosca.artifacts.Deployment.Image.VM artifact");
  }

  @Test
  void malformedYamlStillStopsAtOnce() {
    ToscaException e = refused(withNodes(VM_VDU) + "  policies: [oops\n");
    assertThat(e.problems()).hasSize(1);
    assertThat(e.getMessage()).startsWith("malformed YAML");
  }
}
