package io.nfvflow.tosca;

import static io.nfvflow.tosca.Templates.assertInvalid;
import static io.nfvflow.tosca.Templates.assertUnsupported;
import static io.nfvflow.tosca.Templates.parse;
import static io.nfvflow.tosca.Templates.withNodes;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContainerVduTest {

  private static String vdu(String properties) {
    return withNodes(
        """
            VDU1:
              type: tosca.nodes.nfv.VDU.Tacker
              properties:
        """
            + properties.indent(8));
  }

  private static String container(String containerProperties) {
    return vdu("vnfcs:\n  web_server:\n" + containerProperties.indent(4));
  }

  @Test
  void readsEveryContainerProperty() {
    ContainerVdu vdu =
        parse(
                vdu(
                    """
                    namespace: cnf
                    mapping_ports: ["80:8080", "443", 53]
                    labels: ["app: web", "tier: front"]
                    service_type: LoadBalancer
                    vnfcs:
                      web_server:
                        image: nginx:1.25
                        num_cpus: 1.5
                        mem_size: 2 GiB
                        ports: ["8080", 443]
                        command: nginx -g daemon
                        args: [--port, "8080"]
                        config: |
                          LOG_LEVEL: debug
                          # comments and blank lines are skipped

                          MODE: a:b
                    """))
            .containerVdus()
            .get(0);
    assertThat(vdu.namespace()).isEqualTo("cnf");
    assertThat(vdu.mappingPorts())
        .containsExactly(
            new PortMapping(80, 8080), new PortMapping(443, 443), new PortMapping(53, 53));
    assertThat(vdu.labels()).containsExactly(entry("app", "web"), entry("tier", "front"));
    assertThat(vdu.serviceType()).isEqualTo("LoadBalancer");
    Container c = vdu.containers().get(0);
    assertThat(c.name()).isEqualTo("web_server");
    assertThat(c.kubernetesName()).isEqualTo("web-server");
    assertThat(c.image()).isEqualTo("nginx:1.25");
    assertThat(c.numCpus()).isEqualTo(1.5);
    assertThat(c.memBytes()).isEqualTo(2L * 1024 * 1024 * 1024);
    assertThat(c.ports()).containsExactly(8080, 443);
    assertThat(c.command()).containsExactly("nginx", "-g", "daemon");
    assertThat(c.args()).containsExactly("--port", "8080");
    assertThat(c.config()).containsExactly(entry("LOG_LEVEL", "debug"), entry("MODE", "a:b"));
    assertThat(vdu.hasConfig()).isTrue();
  }

  private static java.util.Map.Entry<String, String> entry(String k, String v) {
    return java.util.Map.entry(k, v);
  }

  @Test
  void serviceTypeDefaultsToClusterIp() {
    assertThat(parse(container("image: nginx")).containerVdus().get(0).serviceType())
        .isEqualTo("ClusterIP");
  }

  @ParameterizedTest
  @CsvSource({
    "100 MB, 100000000",
    "512 MiB, 536870912",
    "1 GB, 1000000000",
    "2 GiB, 2147483648",
    "100 KB, 100000",
    "100 kB, 100000",
    "64 KiB, 65536",
    "1.5 GB, 1500000000",
    "10 B, 10"
  })
  void memSizeUsesSiAndIecUnits(String size, long bytes) {
    Container c =
        parse(container("image: nginx\nmem_size: " + size))
            .containerVdus()
            .get(0)
            .containers()
            .get(0);
    assertThat(c.memBytes()).isEqualTo(bytes);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "512; expected a number and a unit",
        "512 XB; unknown unit 'XB'",
        "0 MB; must be more than zero",
        "0.5 B; not a whole number of bytes"
      })
  void badMemSizeIsNamed(String size, String reason) {
    assertInvalid(
        container("image: nginx\nmem_size: " + size), "VDU1", "vnfcs.web_server.mem_size", reason);
  }

  @Test
  void imageIsRequired() {
    assertInvalid(container("num_cpus: 1"), "VDU1", "vnfcs.web_server.image", "is required");
  }

  @Test
  void vnfcsMustNotBeEmpty() {
    assertInvalid(vdu("vnfcs: {}"), "VDU1", "vnfcs", "at least one container");
  }

  @Test
  void containerNameMustBeADnsLabel() {
    assertInvalid(
        vdu("vnfcs:\n  Web.Server:\n    image: nginx"),
        "VDU1",
        "vnfcs.Web.Server",
        "is not a valid DNS-1123 label, which Kubernetes needs");
  }

  @Test
  void containerNamesMustStayUniqueInKubernetes() {
    assertInvalid(
        vdu("vnfcs:\n  web_a:\n    image: a\n  web-a:\n    image: b"),
        "VDU1",
        "vnfcs.web-a",
        "both become 'web-a'");
  }

  @Test
  void unknownContainerPropertyIsNamed() {
    assertInvalid(
        container("image: nginx\nenv: x"), "VDU1", "vnfcs.web_server.env", "unknown property");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "[\"80:\"]; mapping_ports[0]; is not 'port:targetPort' or 'port'",
        "[\"http\"]; mapping_ports[0]; is not 'port:targetPort' or 'port'",
        "[\"80:70000\"]; mapping_ports[0]; between 1 and 65535",
        "[\"80\", \"80:81\"]; mapping_ports[1]; service port 80 is mapped twice",
        "\"80:80\"; mapping_ports; expected a list"
      })
  void badMappingPortsAreNamed(String value, String property, String reason) {
    assertInvalid(
        vdu("mapping_ports: " + value + "\nvnfcs:\n  c:\n    image: nginx"),
        "VDU1",
        property,
        reason);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "[\"app\"]; is not 'key: value'",
        "[\"a b: c\"]; not a valid Kubernetes label key",
        "[\"app: web server\"]; not a valid Kubernetes label value",
        "[\"app: a\", \"app: b\"]; label 'app' is given twice"
      })
  void badLabelsAreNamed(String value, String reason) {
    String yaml = vdu("labels: " + value + "\nvnfcs:\n  c:\n    image: nginx");
    Templates.refusal(yaml)
        .satisfies(
            e -> {
              assertThat(e.node()).isEqualTo("VDU1");
              assertThat(e.property()).startsWith("labels[");
              assertThat(e.getMessage()).contains(reason);
            });
  }

  @Test
  void serviceTypeMustBeKnown() {
    assertInvalid(
        vdu("service_type: ExternalName\nvnfcs:\n  c:\n    image: nginx"),
        "VDU1",
        "service_type",
        "'ExternalName' is not one of ClusterIP, NodePort, LoadBalancer");
  }

  @Test
  void namespaceMustBeADnsLabel() {
    assertInvalid(
        vdu("namespace: My_NS\nvnfcs:\n  c:\n    image: nginx"),
        "VDU1",
        "namespace",
        "not a valid Kubernetes namespace");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "ports: [\"http\"]; vnfcs.web_server.ports[0]; is not a port",
        "num_cpus: 0; vnfcs.web_server.num_cpus; must be more than zero",
        "num_cpus: lots; vnfcs.web_server.num_cpus; expected a number",
        "config: \"novalue\"; vnfcs.web_server.config; line 1 'novalue' is not 'key: value'",
        "config: {a: b}; vnfcs.web_server.config; expected multi-line text",
        "config: \"a: 1\\na: 2\"; vnfcs.web_server.config; key 'a' is given twice",
        "config: \"a b: 1\"; vnfcs.web_server.config; is not a valid key"
      })
  void badContainerPropertiesAreNamed(String line, String property, String reason) {
    assertInvalid(container("image: nginx\n" + line), "VDU1", property, reason);
  }

  @Test
  void vmPropertiesAreMisplacedOnAContainerVdu() {
    assertInvalid(
        vdu("flavor: m1.tiny\nvnfcs:\n  c:\n    image: nginx"),
        "VDU1",
        "flavor",
        "only valid for a VM VDU");
  }

  @Test
  void mgmtDriverOtherThanNoopIsUnsupportedForContainers() {
    assertUnsupported(
        vdu("mgmt_driver: openwrt\nvnfcs:\n  c:\n    image: nginx"),
        "VDU1",
        "mgmt_driver",
        "management drivers are not supported");
    assertThat(parse(vdu("mgmt_driver: noop\nvnfcs:\n  c:\n    image: nginx")).vdus()).hasSize(1);
  }
}
