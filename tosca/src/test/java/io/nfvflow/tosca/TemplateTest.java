package io.nfvflow.tosca;

import static io.nfvflow.tosca.Templates.HEADER;
import static io.nfvflow.tosca.Templates.VM_VDU;
import static io.nfvflow.tosca.Templates.assertInvalid;
import static io.nfvflow.tosca.Templates.assertUnsupported;
import static io.nfvflow.tosca.Templates.parse;
import static io.nfvflow.tosca.Templates.refusal;
import static io.nfvflow.tosca.Templates.withNodes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Template-wide rules: sections, inputs, metadata, node types, kinds of template. */
class TemplateTest {

  private static String withInputs(String inputs, String vduProperties) {
    return HEADER
        + "topology_template:\n  inputs:\n"
        + inputs.indent(4)
        + "  node_templates:\n    VDU1:\n      type: tosca.nodes.nfv.VDU.Tacker\n      properties:\n"
        + vduProperties.indent(8);
  }

  @Test
  void getInputTakesParamValuesThenDefaults() {
    String yaml =
        withInputs(
            "image: {type: string}\nflavor: {type: string, default: m1.tiny}",
            "image: {get_input: image}\nflavor: {get_input: flavor}\nmetadata: {k: {get_input: flavor}}");
    VmVdu vdu = parse(yaml, Map.of("image", "cirros")).vmVdus().get(0);
    assertThat(vdu.image()).isEqualTo("cirros");
    assertThat(vdu.flavor()).isEqualTo("m1.tiny");
    assertThat(vdu.metadata()).containsEntry("k", "m1.tiny");
    assertThat(parse(yaml, Map.of("image", "x", "flavor", "m1.big")).vmVdus().get(0).flavor())
        .isEqualTo("m1.big");
  }

  @Test
  void inputWithoutValueIsNamed() {
    refusal(withInputs("image: {type: string}", "image: {get_input: image}\nflavor: f"))
        .satisfies(
            e -> {
              assertThat(e.node()).isEqualTo("VDU1");
              assertThat(e.property()).isEqualTo("image");
              assertThat(e.getMessage()).contains("input 'image' has no value");
              assertThat(e.isUnsupported()).isFalse();
            });
  }

  @Test
  void undeclaredInputIsInvalid() {
    assertInvalid(
        withInputs("image: {type: string}", "image: {get_input: img}\nflavor: f"),
        "VDU1",
        "image",
        "get_input refers to input 'img', which topology_template.inputs does not declare");
  }

  @Test
  void otherFunctionsAreUnsupported() {
    assertUnsupported(
        withInputs("a: {type: string}", "image: {concat: [a, b]}\nflavor: f"),
        "VDU1",
        "image",
        "function 'concat' is not supported");
  }

  @Test
  void metadataAndWorkflows() {
    String yaml =
        VM_VDU_TEMPLATE.replace(
            "  template_name: test\n",
            "  template_name: test\n  version: 2\n  workflows:\n    instantiate: my-instantiate\n"
                + "    scale: acme.scale_v2\n");
    VnfDescriptor d = parse(yaml);
    assertThat(d.metadata()).isEqualTo(Map.of("template_name", "test", "version", "2"));
    assertThat(d.workflows())
        .isEqualTo(Map.of("instantiate", "my-instantiate", "scale", "acme.scale_v2"));
    assertThat(d.workflowFor("scale")).contains("acme.scale_v2");
    assertThat(d.description()).isEqualTo("test");
  }

  private static final String VM_VDU_TEMPLATE = withNodes(VM_VDU);

  @Test
  void badWorkflowsAreNamed() {
    assertInvalid(
        VM_VDU_TEMPLATE.replace("  template_name: test\n", "  workflows: {reboot: p1}\n"),
        null,
        "metadata.workflows.reboot",
        "unknown operation");
    assertInvalid(
        VM_VDU_TEMPLATE.replace("  template_name: test\n", "  workflows: {heal: \"1 heal\"}\n"),
        null,
        "metadata.workflows.heal",
        "is not a valid process definition key");
  }

  @Test
  void unknownNodeTypeIsInvalidAndKnownOnesUnsupported() {
    assertInvalid(
        withNodes(VM_VDU + "    X:\n      type: foo.bar\n"),
        "X",
        null,
        "unknown node type 'foo.bar'");
    assertThat(refusal(withNodes(VM_VDU + "    X:\n      type: foo.bar\n")).actual().getMessage())
        .isEqualTo("node 'X': unknown node type 'foo.bar'");
    assertUnsupported(
        withNodes(VM_VDU + "    VB1:\n      type: tosca.nodes.BlockStorage.Tacker\n"),
        "VB1",
        null,
        "node type 'tosca.nodes.BlockStorage.Tacker' is not supported");
  }

  @Test
  void containerAndVmVdusMustNotMix() {
    String mixed =
        withNodes(
            VM_VDU
                + "    VDU2:\n      type: tosca.nodes.nfv.VDU.Tacker\n      properties:\n"
                + "        vnfcs: {c: {image: nginx}}\n");
    assertInvalid(mixed, "VDU2", null, "must not mix container VDUs (with vnfcs) and VM VDUs");
  }

  @Test
  void aVnfdNeedsAVdu() {
    assertInvalid(
        withNodes(
            "    VL1:\n      type: tosca.nodes.nfv.VL\n      properties: {network_name: n}\n"),
        null,
        "topology_template.node_templates",
        "no VDU");
  }

  @Test
  void sectionsAreChecked() {
    assertInvalid(HEADER, null, "topology_template", "missing");
    assertInvalid(
        "description: x\ntopology_template: {}\n", null, "tosca_definitions_version", "missing");
    assertUnsupported(
        VM_VDU_TEMPLATE.replace("tosca_simple_profile_for_nfv_1_0_0", "tosca_simple_yaml_1_3"),
        null,
        "tosca_definitions_version",
        "is not supported");
    assertUnsupported(
        "node_types: {}\n" + VM_VDU_TEMPLATE, null, "node_types", "custom type definitions");
    assertInvalid("colour: red\n" + VM_VDU_TEMPLATE, null, "colour", "unknown key");
    assertUnsupported(
        VM_VDU_TEMPLATE + "  outputs: {}\n", null, "topology_template.outputs", "not supported");
  }

  @Test
  void onlyTackerTypeImportsAreAccepted() {
    assertThat(
            parse("imports: [tacker_defs.yaml, tacker_nfv_defs.yaml]\n" + VM_VDU_TEMPLATE).vdus())
        .hasSize(1);
    assertUnsupported(
        "imports: [http://example.com/types.yaml]\n" + VM_VDU_TEMPLATE,
        null,
        "imports",
        "importing 'http://example.com/types.yaml' is not supported");
  }

  @Test
  void vnffgAndNsTemplatesAreRefusedAsNotVnfds() {
    String vnffg =
        HEADER
            + "topology_template:\n  node_templates:\n    FP1:\n      type: tosca.nodes.nfv.FP.TackerV2\n";
    assertThat(refusal(vnffg).actual().getMessage())
        .isEqualTo(
            "not a VNF descriptor: it defines a VNFFG (forwarding graph) (not supported by this parser)");
    String ns =
        "imports: [vnfd1]\n"
            + HEADER
            + "topology_template:\n  node_templates:\n    VNF1:\n      type: tosca.nodes.nfv.VNF1\n";
    assertThat(refusal(ns).actual().getMessage()).contains("it defines an NS (network service)");
  }

  @Test
  void acceptsATreeSuchAsAJsonRequestBody() {
    Map<String, Object> tree =
        Map.of(
            "tosca_definitions_version",
            "tosca_simple_profile_for_nfv_1_0_0",
            "topology_template",
            Map.of(
                "node_templates",
                Map.of(
                    "VDU1",
                    Map.of(
                        "type",
                        "tosca.nodes.nfv.VDU.Tacker",
                        "properties",
                        Map.of(
                            "vnfcs",
                            Map.of("web", Map.of("image", "nginx", "ports", List.of(80))))))));
    VnfDescriptor d = new ToscaParser().parse(tree, null);
    assertThat(d.kind()).isEqualTo(DeploymentKind.CONTAINER);
    assertThat(d.containerVdus().get(0).containers().get(0).ports()).containsExactly(80);
  }

  @Test
  void acceptsJsonText() {
    String json =
        """
        {"tosca_definitions_version": "tosca_simple_profile_for_nfv_1_0_0",
         "topology_template": {"node_templates": {"VDU1": {
           "type": "tosca.nodes.nfv.VDU.Tacker",
           "properties": {"image": "cirros", "flavor": "m1.tiny"}}}}}
        """;
    assertThat(parse(json).kind()).isEqualTo(DeploymentKind.VM);
  }
}
