package io.nfvflow.vim.openstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nfvflow.tosca.ComputeRequirements;
import io.nfvflow.tosca.ScalingPolicy;
import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.VmVdu;
import io.nfvflow.tosca.VnfDescriptor;
import io.nfvflow.vim.VnfOnVim;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeatTemplatesTest {

  private static final String VNF_ID = HotSamples.VNF_ID;

  @Test
  void stackNameStartsWithALetterAndTagsMarkOwnership() {
    assertThat(HeatTemplates.stackName("0a1b")).isEqualTo("nfvflow-0a1b");
    assertThat(HeatTemplates.tags("0a1b")).containsExactly("nfvflow", "nfvflow-vnf-0a1b");
    HeatStack stack = HotSamples.translate(HotSamples.sample("hello-world"));
    assertThat(stack.name()).isEqualTo("nfvflow-" + VNF_ID);
    assertThat(stack.tags()).containsExactly("nfvflow", "nfvflow-vnf-" + VNF_ID);
    assertThat(stack.files()).isEmpty();
  }

  @Test
  void serversCarryOwnershipMetadataThatTheDescriptorCannotOverride() {
    Map<String, Object> tree =
        translate(
            vdu("VDU1", "metadata: {zone: a, 'nfvflow.io:vdu': other, count: '1', on: 'true'}")
                + cp("CP1", "VDU1", "VL1", "management: true")
                + VL1);
    assertThat(map(props(tree, "VDU1").get("metadata")))
        .containsExactly(
            Map.entry("count", "1"),
            Map.entry("nfvflow.io:vdu", "VDU1"),
            Map.entry("nfvflow.io:vnf-id", VNF_ID),
            Map.entry("on", "true"),
            Map.entry("zone", "a"));
  }

  @Test
  void metadataNovaWouldRefuseIsRefusedUpFront() {
    assertThatThrownBy(() -> translate(vdu("VDU1", "metadata: {a/b: c}") + VL1))
        .isInstanceOf(ToscaException.class)
        .hasMessageStartingWith("node 'VDU1', property 'metadata': key 'a/b'");
  }

  @Test
  void antiSpoofingOffTurnsPortSecurityOff() {
    Map<String, Object> tree =
        translate(
            vdu("VDU1", "")
                + cp("CP1", "VDU1", "VL1", "anti_spoofing_protection: false")
                + cp("CP2", "VDU1", "VL1", "security_groups: [default, web]")
                + VL1);
    assertThat(props(tree, "CP1"))
        .containsEntry("port_security_enabled", false)
        .doesNotContainKey("security_groups");
    assertThat(props(tree, "CP2"))
        .containsEntry("security_groups", List.of("default", "web"))
        .doesNotContainKey("port_security_enabled");
  }

  @Test
  void securityGroupsOnAPortWithoutPortSecurityAreRefused() {
    String vnfd =
        vdu("VDU1", "")
            + cp("CP1", "VDU1", "VL1", "anti_spoofing_protection: false, security_groups: [web]")
            + VL1;
    assertThatThrownBy(() -> translate(vnfd))
        .isInstanceOf(ToscaException.class)
        .hasMessageStartingWith("node 'CP1', property 'security_groups'");
  }

  @Test
  void macAndIpAddresses() {
    Map<String, Object> tree =
        translate(
            vdu("VDU1", "")
                + cp("CP1", "VDU1", "VL1", "mac_address: 6c:40:08:a0:de:0a, ip_address: 10.10.1.12")
                + VL1);
    assertThat(props(tree, "CP1"))
        .containsEntry("mac_address", "6c:40:08:a0:de:0a")
        .containsEntry("fixed_ips", List.of(Map.of("ip_address", "10.10.1.12")));
  }

  @Test
  void macIpSampleTranslates() {
    Map<String, Object> tree =
        HotSamples.tree(HotSamples.translate(HotSamples.sample("mac-ip")).template());
    assertThat(props(tree, "CP1")).containsKeys("mac_address", "fixed_ips");
  }

  @Test
  void nicsFollowOrderThenNameWithUnorderedPortsLast() {
    Map<String, Object> tree =
        translate(
            vdu("VDU1", "")
                + cp("CPb", "VDU1", "VL1", "management: false")
                + cp("CPz", "VDU1", "VL1", "order: 2")
                + cp("CPy", "VDU1", "VL1", "order: 0")
                + cp("CPa", "VDU1", "VL1", "management: false")
                + VL1);
    assertThat(list(props(tree, "VDU1").get("networks")))
        .extracting(n -> map(map(n).get("port")).get("get_resource"))
        .containsExactly("CPy", "CPz", "CPa", "CPb");
  }

  @Test
  void userDataIsRawByDefaultAndKeepsItsLines() {
    Map<String, Object> tree =
        HotSamples.tree(HotSamples.translate(HotSamples.sample("userdata")).template());
    assertThat(props(tree, "VDU1"))
        .containsEntry("user_data_format", "RAW")
        .hasEntrySatisfying(
            "user_data", v -> assertThat((String) v).startsWith("#!/bin/sh\necho \"my hostname"));
    Map<String, Object> noFormat = translate(vdu("VDU1", "user_data: 'echo 1'") + VL1);
    assertThat(props(noFormat, "VDU1"))
        .containsEntry("user_data_format", "RAW")
        .containsEntry("user_data", "echo 1");
    Map<String, Object> none = translate(vdu("VDU1", "") + VL1);
    assertThat(props(none, "VDU1")).doesNotContainKeys("user_data", "user_data_format");
  }

  @Test
  void keyNameAndAvailabilityZone() {
    Map<String, Object> tree =
        HotSamples.tree(HotSamples.translate(HotSamples.sample("keyname")).template());
    assertThat(props(tree, "VDU1"))
        .containsEntry("key_name", "userKey")
        .containsEntry("availability_zone", "nova");
  }

  @Test
  void nfvComputeGetsTheSmallestFittingFlavor() {
    Map<String, Object> tree =
        translate(
            VDU_HEADER.formatted("VDU1")
                + "      capabilities: {nfv_compute: {properties:"
                + " {num_cpus: 2, mem_size: 2 GB, disk_size: 10 GB}}}\n"
                + "      properties: {image: img}\n"
                + VL1);
    assertThat(props(tree, "VDU1")).containsEntry("flavor", "m1.medium");
  }

  @Test
  void noFittingFlavorNamesTheVdu() {
    String vnfd =
        VDU_HEADER.formatted("VDU7")
            + "      capabilities: {nfv_compute: {properties: {num_cpus: 64, mem_size: 512 MB, disk_size: 1 GB}}}\n"
            + "      properties: {image: img}\n"
            + VL1;
    assertThatThrownBy(() -> translate(vnfd))
        .isInstanceOf(ToscaException.class)
        .hasMessageStartingWith("node 'VDU7', property 'nfv_compute': no flavor with at least 64");
  }

  @Test
  void templatesHaveNoOutputs() {
    // the driver reads servers and ports itself; outputs over a group would make every look at
    // the stack load each member stack
    HeatStack stack = HotSamples.translate(HotSamples.sample("scale"));
    assertThat(HotSamples.tree(stack.template())).doesNotContainKey("outputs");
    assertThat(HotSamples.tree(stack.files().get("SP1_res.yaml"))).doesNotContainKey("outputs");
    assertThat(HotSamples.tree(HotSamples.translate(HotSamples.sample("multi-vdu")).template()))
        .doesNotContainKey("outputs");
  }

  @Test
  void imageArtifactBecomesAWebImageOwnedByTheStack() {
    Map<String, Object> tree =
        translate(
            VDU_HEADER.formatted("VDU1")
                + "      properties: {flavor: m1.tiny}\n"
                + "      artifacts: {img: {type: tosca.artifacts.Deployment.Image.VM,"
                + " file: 'https://example.com/images/disk.raw'}}\n"
                + VL1);
    assertThat(type(tree, "VDU1_image")).isEqualTo("OS::Glance::WebImage");
    assertThat(props(tree, "VDU1_image"))
        .containsEntry("location", "https://example.com/images/disk.raw")
        .containsEntry("disk_format", "raw")
        .containsEntry("container_format", "bare")
        .containsEntry("tags", HeatTemplates.tags(VNF_ID));
    assertThat(props(tree, "VDU1")).containsEntry("image", Map.of("get_resource", "VDU1_image"));
    assertThat(HotServers.diskFormat("http://h/cirros.img")).isEqualTo("qcow2");
    assertThat(HotServers.diskFormat("http://h/download?id=7")).isEqualTo("qcow2");
  }

  @Test
  void scaledVdusMoveIntoANestedTemplateRunByAnAutoScalingGroupSizedByAParameter() {
    HeatStack stack = HotSamples.translate(HotSamples.sample("scale"));
    Map<String, Object> top = HotSamples.tree(stack.template());
    // no OS::Heat::ScalingPolicy: a retried signal would scale twice; a scale is a stack update
    assertThat(map(top.get("resources"))).containsOnlyKeys("SP1_group");
    assertThat(type(top, "SP1_group")).isEqualTo("OS::Heat::AutoScalingGroup");
    assertThat(props(top, "SP1_group"))
        .containsEntry("min_size", 1)
        .containsEntry("max_size", 3)
        .containsEntry("desired_capacity", Map.of("get_param", "SP1_desired_capacity"))
        .containsEntry("resource", Map.of("type", "SP1_res.yaml"));
    assertThat(map(map(top.get("parameters")).get("SP1_desired_capacity")))
        .containsEntry("type", "number")
        .containsEntry("constraints", List.of(Map.of("range", Map.of("min", 1, "max", 3))))
        // without a default, an update that forgets the parameter fails instead of resetting it
        .doesNotContainKey("default");
    Map<String, Object> nested = HotSamples.tree(stack.files().get("SP1_res.yaml"));
    assertThat(map(nested.get("resources"))).containsOnlyKeys("CP1", "VDU1", "CP2", "VDU2");
  }

  @Test
  void parametersGiveEachPolicyItsDesiredCapacityClampedToItsBounds() {
    VnfDescriptor descriptor = HotSamples.sample("scale"); // SP1: min 1, max 3, default 2
    VnfOnVim initial = new VnfOnVim(null, VNF_ID, descriptor);
    assertThat(HeatTemplates.parameters(initial))
        .containsExactly(Map.entry("SP1_desired_capacity", 2));
    assertThat(HeatTemplates.parameters(new VnfOnVim(null, VNF_ID, descriptor, Map.of("SP1", 3))))
        .containsExactly(Map.entry("SP1_desired_capacity", 3));
    assertThat(HeatTemplates.parameters(new VnfOnVim(null, VNF_ID, descriptor, Map.of("SP1", 9))))
        .containsExactly(Map.entry("SP1_desired_capacity", 3));
    assertThat(
            HeatTemplates.parameters(new VnfOnVim(null, VNF_ID, HotSamples.sample("hello-world"))))
        .isEmpty();
  }

  @Test
  void aNestedTemplateTakesStackNetworksAsParameters() {
    String vnfd =
        vdu("VDU1", "")
            + vdu("VDU2", "")
            + cp("CP1", "VDU1", "VL9", "management: true")
            + cp("CP2", "VDU2", "VL9", "management: true")
            + "    VL9:\n      type: tosca.nodes.nfv.VL\n"
            + "      properties: {network_name: own, cidr: 10.0.0.0/24}\n"
            + "  policies:\n    - SP1:\n        type: tosca.policies.tacker.Scaling\n"
            + "        properties: {targets: [VDU1], increment: 2, min_instances: 1,"
            + " max_instances: 4, default_instances: 1}\n";
    HeatStack stack = HotSamples.translate(HotSamples.parse(vnfd));
    Map<String, Object> top = HotSamples.tree(stack.template());
    assertThat(map(props(top, "SP1_group").get("resource")).get("properties"))
        .isEqualTo(
            Map.of(
                "VL9", Map.of("get_resource", "VL9"),
                "VL9_subnet", Map.of("get_resource", "VL9_subnet")));
    assertThat(map(map(top.get("parameters")).get("SP1_desired_capacity")))
        .containsEntry("constraints", List.of(Map.of("range", Map.of("min", 1, "max", 4))));
    assertThat(props(top, "CP2")).containsEntry("network", Map.of("get_resource", "VL9"));

    Map<String, Object> nested = HotSamples.tree(stack.files().get("SP1_res.yaml"));
    assertThat(map(nested.get("parameters"))).containsOnlyKeys("VL9", "VL9_subnet");
    assertThat(props(nested, "CP1"))
        .containsEntry("network", Map.of("get_param", "VL9"))
        .containsEntry("fixed_ips", List.of(Map.of("subnet", Map.of("get_param", "VL9_subnet"))));
  }

  @Test
  void fixedAddressesOnAScaledVduAreRefused() {
    String vnfd =
        vdu("VDU1", "")
            + cp("CP1", "VDU1", "VL1", "ip_address: 10.0.0.5")
            + VL1
            + "  policies:\n    - SP1:\n        type: tosca.policies.tacker.Scaling\n"
            + "        properties: {targets: [VDU1], increment: 1, min_instances: 1,"
            + " max_instances: 2, default_instances: 1}\n";
    assertThatThrownBy(() -> translate(vnfd))
        .isInstanceOf(ToscaException.class)
        .hasMessageContaining("node 'CP1', property 'ip_address'")
        .hasMessageContaining("SP1");
  }

  @Test
  void cpuDrivenScalingIsRefusedForVms() {
    VmVdu vdu =
        new VmVdu(
            "VDU1", "img", "m1.tiny", null, null, Map.of(), null, null, null, null, null, Map.of());
    ScalingPolicy policy = new ScalingPolicy("SP1", List.of("VDU1"), 1, 3, 1, 1, null, 50);
    VnfDescriptor descriptor =
        new VnfDescriptor(
            "", Map.of(), Map.of(), List.of(vdu), List.of(), List.of(), List.of(policy), List.of());
    assertThatThrownBy(() -> HotSamples.translate(descriptor))
        .isInstanceOf(ToscaException.class)
        .hasMessageStartingWith("node 'SP1', property 'target_cpu_utilization_percentage'")
        .satisfies(e -> assertThat(((ToscaException) e).isUnsupported()).isTrue());
  }

  @Test
  void nfvComputeVduCanBeBuiltFromRecordsToo() {
    VmVdu vdu =
        new VmVdu(
            "VDU1",
            "img",
            null,
            new ComputeRequirements(1, 1024L, 5),
            null,
            Map.of(),
            null,
            null,
            null,
            null,
            null,
            Map.of());
    VnfDescriptor descriptor =
        new VnfDescriptor(
            "", Map.of(), Map.of(), List.of(vdu), List.of(), List.of(), List.of(), List.of());
    Map<String, Object> tree = HotSamples.tree(HotSamples.translate(descriptor).template());
    assertThat(props(tree, "VDU1"))
        .containsEntry("flavor", "m1.small")
        .doesNotContainKey("networks");
    assertThat(tree).doesNotContainKey("description");
  }

  @Test
  void containerVdusAreNotForHeat() {
    assertThatThrownBy(() -> HotSamples.translate(HotSamples.sample("containerized")))
        .isInstanceOf(ToscaException.class)
        .hasMessageStartingWith("node 'VDU1'")
        .hasMessageContaining("Kubernetes")
        .satisfies(e -> assertThat(((ToscaException) e).isUnsupported()).isTrue());
  }

  @Test
  void aDerivedNameMeetingANodeNameIsRefused() {
    String vnfd =
        vdu("VL9_subnet", "")
            + cp("CP1", "VL9_subnet", "VL9", "order: 0")
            + "    VL9:\n      type: tosca.nodes.nfv.VL\n"
            + "      properties: {network_name: own, cidr: 10.0.0.0/24}\n";
    assertThatThrownBy(() -> translate(vnfd))
        .isInstanceOf(ToscaException.class)
        .hasMessageContaining("'VL9_subnet' is used twice");
  }

  @Test
  void sameDescriptorSameText() {
    VnfDescriptor descriptor = HotSamples.sample("multi-vdu");
    assertThat(HotSamples.translate(descriptor)).isEqualTo(HotSamples.translate(descriptor));
  }

  @Test
  void stringsThatLookLikeOtherTypesStayStrings() {
    HeatStack stack =
        HotSamples.translate(
            HotSamples.parse(
                vdu("VDU1", "metadata: {a: '007', b: 'yes', c: 'null', d: '1.5'}, key_name: 'true'")
                    + VL1));
    Map<String, Object> server = props(HotSamples.tree(stack.template()), "VDU1");
    assertThat(map(server.get("metadata")))
        .containsEntry("a", "007")
        .containsEntry("b", "yes")
        .containsEntry("c", "null")
        .containsEntry("d", "1.5");
    assertThat(server).containsEntry("key_name", "true");
  }

  // --- descriptors written inline ---

  private static final String VDU_HEADER = "    %s:\n      type: tosca.nodes.nfv.VDU.Tacker\n";

  private static final String VL1 =
      "    VL1:\n      type: tosca.nodes.nfv.VL\n      properties: {network_name: net_mgmt}\n";

  private static String vdu(String name, String extraProperties) {
    String extra = extraProperties.isEmpty() ? "" : ", " + extraProperties;
    return VDU_HEADER.formatted(name)
        + "      properties: {image: img, flavor: m1.tiny"
        + extra
        + "}\n";
  }

  private static String cp(String name, String vdu, String vl, String properties) {
    return "    "
        + name
        + ":\n      type: tosca.nodes.nfv.CP.Tacker\n      properties: {"
        + properties
        + "}\n      requirements:\n        - virtualLink: {node: "
        + vl
        + "}\n        - virtualBinding: {node: "
        + vdu
        + "}\n";
  }

  private static Map<String, Object> translate(String nodeTemplatesAndPolicies) {
    return HotSamples.tree(
        HotSamples.translate(HotSamples.parse(nodeTemplatesAndPolicies)).template());
  }

  // --- reading the generated tree ---

  private static String type(Map<String, Object> template, String resource) {
    return (String) map(map(template.get("resources")).get(resource)).get("type");
  }

  private static Map<String, Object> props(Map<String, Object> template, String resource) {
    return map(map(map(template.get("resources")).get(resource)).get("properties"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    assertThat(value).isInstanceOf(List.class);
    return (List<Object>) value;
  }
}
