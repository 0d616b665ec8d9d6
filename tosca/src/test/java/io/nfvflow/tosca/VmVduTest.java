package io.nfvflow.tosca;

import static io.nfvflow.tosca.Templates.assertInvalid;
import static io.nfvflow.tosca.Templates.assertUnsupported;
import static io.nfvflow.tosca.Templates.parse;
import static io.nfvflow.tosca.Templates.withNodes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VmVduTest {

  private static String vdu(String properties) {
    return withNodes(
        """
            VDU1:
              type: tosca.nodes.nfv.VDU.Tacker
              properties:
        """
            + properties.indent(8));
  }

  private static String computeVdu(String computeProperties) {
    return withNodes(
        """
            VDU1:
              type: tosca.nodes.nfv.VDU.Tacker
              capabilities:
                nfv_compute:
                  properties:
        """
            + computeProperties.indent(12)
            + """
              properties:
                image: cirros
        """);
  }

  @Test
  void readsEveryVmProperty() {
    VmVdu vdu =
        parse(
                vdu(
                    """
                    image: cirros
                    flavor: m1.small
                    availability_zone: nova
                    metadata: {metering.server_group: SG1, weight: 3}
                    user_data: "#!/bin/sh"
                    user_data_format: RAW
                    key_name: userKey
                    config: "param0: key1"
                    mgmt_driver: openwrt
                    monitoring_policy: {name: ping, actions: {failure: respawn}}
                    config_drive: false
                    maintenance: false
                    """))
            .vmVdus()
            .get(0);
    assertThat(vdu)
        .isEqualTo(
            new VmVdu(
                "VDU1",
                "cirros",
                "m1.small",
                null,
                "nova",
                Map.of("metering.server_group", "SG1", "weight", "3"),
                "#!/bin/sh",
                "RAW",
                "userKey",
                "param0: key1",
                "openwrt",
                Map.of("name", "ping", "actions", Map.of("failure", "respawn")),
                null));
  }

  @Test
  void nfvComputeConvertsToNovaUnitsRoundingUp() {
    ComputeRequirements compute =
        parse(computeVdu("num_cpus: 2\nmem_size: 512 MB\ndisk_size: 20 GB"))
            .vmVdus()
            .get(0)
            .compute();
    // 512 MB = 488.3 MiB and 20 GB = 18.6 GiB: rounded up so the VM gets at least what it asked
    assertThat(compute).isEqualTo(new ComputeRequirements(2, 489L, 19));
    assertThat(
            parse(computeVdu("num_cpus: 1\nmem_size: 2 GiB\ndisk_size: 1 GiB"))
                .vmVdus()
                .get(0)
                .compute())
        .isEqualTo(new ComputeRequirements(1, 2048L, 1));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "mem_page_size: large; nfv_compute.mem_page_size; huge pages",
        "cpu_allocation: {cpu_affinity: dedicated}; nfv_compute.cpu_allocation; CPU pinning",
        "numa_node_count: 2; nfv_compute.numa_node_count; NUMA",
        "numa_nodes: {node0: {id: 0}}; nfv_compute.numa_nodes; NUMA"
      })
  void performanceFeaturesAreRefusedAsUnsupported(String line, String property, String reason) {
    assertUnsupported(
        computeVdu("num_cpus: 2\nmem_size: 512 MB\n" + line), "VDU1", property, reason);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "mem_size: 512 MB; nfv_compute.num_cpus; is required",
        "num_cpus: 0\\nmem_size: 512 MB; nfv_compute.num_cpus; at least 1",
        "num_cpus: 1; nfv_compute.mem_size; is required",
        "num_cpus: 1\\nmem_size: lots; nfv_compute.mem_size; is not a size",
        "num_cpus: 1\\nmem_size: 1 GB\\nswap: 1 GB; nfv_compute.swap; unknown property"
      })
  void badComputeIsNamed(String lines, String property, String reason) {
    assertInvalid(computeVdu(lines.replace("\\n", "\n")), "VDU1", property, reason);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "name: my-vm; name; custom resource names are not supported",
        "placement_policy: affinity; placement_policy; placement policies",
        "app_monitoring_policy: {name: zabbix}; app_monitoring_policy; Zabbix",
        "reservation_metadata: {id: x}; reservation_metadata; reservations (Blazar)",
        "config_drive: true; config_drive; a config drive is not supported",
        "maintenance: true; maintenance; VM maintenance (Fenix) is not supported"
      })
  void tackerVduPropertiesNfvflowLacksAreRefused(String line, String property, String reason) {
    assertUnsupported(vdu("image: cirros\nflavor: m1.tiny\n" + line), "VDU1", property, reason);
  }

  @Test
  void unknownPropertyIsInvalid() {
    assertInvalid(
        vdu("image: cirros\nflavor: m1.tiny\ncolour: red"), "VDU1", "colour", "unknown property");
  }

  @Test
  void containerPropertiesAreMisplacedOnAVmVdu() {
    assertInvalid(
        vdu("image: cirros\nflavor: m1.tiny\nservice_type: NodePort"),
        "VDU1",
        "service_type",
        "only valid for a container VDU");
  }

  @Test
  void imageIsRequired() {
    assertInvalid(vdu("flavor: m1.tiny"), "VDU1", "image", "missing image");
  }

  @Test
  void flavorOrComputeIsRequiredButNotBoth() {
    assertInvalid(vdu("image: cirros"), "VDU1", "flavor", "missing flavor");
    String both =
        withNodes(
            """
                VDU1:
                  type: tosca.nodes.nfv.VDU.Tacker
                  capabilities:
                    nfv_compute:
                      properties: {num_cpus: 1, mem_size: 1 GB}
                  properties:
                    image: cirros
                    flavor: m1.tiny
            """);
    assertInvalid(both, "VDU1", "flavor", "not both");
  }

  @Test
  void userDataFormatMustBeKnownToHeat() {
    assertInvalid(
        vdu("image: cirros\nflavor: m1.tiny\nuser_data_format: TEXT"),
        "VDU1",
        "user_data_format",
        "'TEXT' is not one of RAW, SOFTWARE_CONFIG, HEAT_CFNTOOLS");
  }

  private static String artifactVdu(String artifact) {
    return withNodes(
        """
            VDU1:
              type: tosca.nodes.nfv.VDU.Tacker
              properties:
                flavor: m1.tiny
              artifacts:
                VNFImage:
        """
            + artifact.indent(10));
  }

  @Test
  void imageArtifactGivesTheImageUrl() {
    VmVdu vdu =
        parse(
                artifactVdu(
                    "type: tosca.artifacts.Deployment.Image.VM\nfile: https://x.example/c.img"))
            .vmVdus()
            .get(0);
    assertThat(vdu.image()).isNull();
    assertThat(vdu.imageUrl()).isEqualTo("https://x.example/c.img");
  }

  @Test
  void badImageArtifactsAreNamed() {
    assertInvalid(
        artifactVdu("type: tosca.artifacts.Deployment.Image.VM\nfile: /tmp/c.img"),
        "VDU1",
        "artifacts.VNFImage.file",
        "is not an http or https URL");
    assertUnsupported(
        artifactVdu("type: tosca.artifacts.File\nfile: https://x.example/f"),
        "VDU1",
        "artifacts.VNFImage.type",
        "artifact type 'tosca.artifacts.File' is not supported");
  }

  @Test
  void imagePropertyAndImageArtifactAreExclusive() {
    String both =
        artifactVdu("type: tosca.artifacts.Deployment.Image.VM\nfile: https://x.example/c.img")
            .replace("flavor: m1.tiny", "flavor: m1.tiny\n        image: cirros");
    assertInvalid(both, "VDU1", "image", "not both");
  }

  @Test
  void requirementsAndInterfacesOnAVduAreUnsupported() {
    assertUnsupported(
        Templates.withNodes(Templates.VM_VDU + "      interfaces: {Standard: {create: x.sh}}\n"),
        "VDU1",
        "interfaces",
        "node interfaces");
  }
}
