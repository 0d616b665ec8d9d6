package io.nfvflow.tosca;

import static io.nfvflow.tosca.Templates.VM_VDU;
import static io.nfvflow.tosca.Templates.assertInvalid;
import static io.nfvflow.tosca.Templates.assertUnsupported;
import static io.nfvflow.tosca.Templates.parse;
import static io.nfvflow.tosca.Templates.withNodes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetworkTest {

  private static final String VL =
      """
          VL1:
            type: tosca.nodes.nfv.VL
            properties:
              network_name: net0
              vendor: Tacker
      """;

  private static String cp(String properties, String requirements) {
    return withNodes(
        VM_VDU
            + VL
            + """
                CP1:
                  type: tosca.nodes.nfv.CP.Tacker
                  properties:
            """
            + properties.indent(8)
            + "      requirements:\n"
            + requirements.indent(8));
  }

  private static final String LINKED = "- virtualLink: {node: VL1}\n- virtualBinding: {node: VDU1}";

  @Test
  void readsEveryCpProperty() {
    ConnectionPoint cp =
        parse(
                cp(
                    """
                    management: true
                    order: 2
                    anti_spoofing_protection: true
                    security_groups: [default, web]
                    mac_address: 6c:40:08:a0:de:0a
                    ip_address: 10.10.1.12
                    type: vnic
                    """,
                    "- virtualLink: VL1\n- virtualBinding:\n    node: VDU1"))
            .connectionPoints()
            .get(0);
    assertThat(cp)
        .isEqualTo(
            new ConnectionPoint(
                "CP1",
                "VDU1",
                "VL1",
                true,
                2,
                true,
                List.of("default", "web"),
                "6c:40:08:a0:de:0a",
                "10.10.1.12",
                "vnic"));
  }

  @Test
  void managementDefaultsToFalse() {
    assertThat(parse(cp("order: 0", LINKED)).connectionPoints().get(0).management()).isFalse();
  }

  @Test
  void cpWithoutVirtualBindingIsInvalid() {
    assertInvalid(
        cp("order: 0", "- virtualLink: {node: VL1}"),
        "CP1",
        "requirements.virtualBinding",
        "missing: a connection point needs a VDU");
  }

  @Test
  void cpWithoutVirtualLinkIsInvalid() {
    assertInvalid(
        cp("order: 0", "- virtualBinding: {node: VDU1}"),
        "CP1",
        "requirements.virtualLink",
        "missing");
  }

  @Test
  void bindingToANonVduIsInvalid() {
    assertInvalid(
        cp("order: 0", "- virtualLink: VL1\n- virtualBinding: VL1"),
        "CP1",
        "requirements.virtualBinding",
        "'VL1' must be a VDU, but it is a node of type 'tosca.nodes.nfv.VL'");
    assertInvalid(
        cp("order: 0", "- virtualLink: VL1\n- virtualBinding: VDU9"),
        "CP1",
        "requirements.virtualBinding",
        "'VDU9' must be a VDU, but it is no such node");
  }

  @Test
  void linkingToANonVlIsInvalid() {
    assertInvalid(
        cp("order: 0", "- virtualLink: VDU1\n- virtualBinding: VDU1"),
        "CP1",
        "requirements.virtualLink",
        "'VDU1' must be a VL");
  }

  @Test
  void unknownOrRepeatedRequirementIsInvalid() {
    assertInvalid(
        cp("order: 0", LINKED + "\n- host: VDU1"),
        "CP1",
        "requirements.host",
        "unknown requirement");
    assertInvalid(
        cp("order: 0", LINKED + "\n- virtualLink: VL1"),
        "CP1",
        "requirements.virtualLink",
        "more than once");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "mac_address: 6c-40; mac_address; is not a MAC address",
        "ip_address: host.example; ip_address; is not an IP address",
        "order: -1; order; must not be negative",
        "management: maybe; management; expected true or false",
        "type: macvtap; type; is not one of vnic, normal, sriov",
        "colour: red; colour; unknown property"
      })
  void badCpPropertiesAreNamed(String line, String property, String reason) {
    assertInvalid(cp(line, LINKED), "CP1", property, reason);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "type: sriov; type; SR-IOV",
        "name: my-port; name; custom resource names",
        "allowed_address_pairs: [{ip_address: 10.0.0.9}]; allowed_address_pairs; virtual IPs"
      })
  void unsupportedCpFeaturesAreRefused(String line, String property, String reason) {
    assertUnsupported(cp(line, LINKED), "CP1", property, reason);
  }

  private static String vl(String properties) {
    return withNodes(
        VM_VDU
            + """
                VL1:
                  type: tosca.nodes.nfv.VL
                  properties:
            """
            + properties.indent(8));
  }

  @Test
  void vlNamesAnExistingNetwork() {
    VirtualLink vl = parse(vl("network_name: net_mgmt\nvendor: Tacker")).virtualLinks().get(0);
    assertThat(vl).isEqualTo(new VirtualLink("VL1", "net_mgmt", "Tacker"));
    assertThat(vl.createsNetwork()).isFalse();
  }

  @Test
  void vlWithCidrAsksForANewNetwork() {
    VirtualLink vl =
        parse(
                vl(
                    """
                    network_name: custom
                    ip_version: 6
                    cidr: 2001:db8::/64
                    gateway_ip: 2001:db8::1
                    dhcp_enabled: true
                    """))
            .virtualLinks()
            .get(0);
    assertThat(vl.subnet())
        .isEqualTo(new Subnet(6, "2001:db8::/64", null, null, "2001:db8::1", true));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "vendor: x; network_name; is required",
        "network_name: n\\nip_version: 4; cidr; is required to create a network",
        "network_name: n\\ncidr: 10.0.0.0/33; cidr; is not an IPv4 CIDR",
        "network_name: n\\ncidr: 10.0.0.0; cidr; is not an IPv4 CIDR",
        "network_name: n\\ncidr: 10.0.0.0/24\\ngateway_ip: 2001:db8::1; gateway_ip; not an IPv4 address",
        "network_name: n\\ncidr: 10.0.0.0/24\\nip_version: 5; ip_version; must be 4 or 6",
        "network_name: n\\nmtu: 1400; mtu; unknown property"
      })
  void badVlPropertiesAreNamed(String lines, String property, String reason) {
    assertInvalid(vl(lines.replace("\\n", "\n")), "VL1", property, reason);
  }

  @Test
  void providerNetworkSettingsAreUnsupported() {
    assertUnsupported(
        vl("network_name: n\nsegmentation_id: 100"), "VL1", "segmentation_id", "provider network");
  }
}
