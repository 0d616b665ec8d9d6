package io.nfvflow.tosca.vnffg;

import static io.nfvflow.tosca.vnffg.Vnffgds.assertOnlyProblem;
import static io.nfvflow.tosca.vnffg.Vnffgds.classifier;
import static io.nfvflow.tosca.vnffg.Vnffgds.refusal;
import static io.nfvflow.tosca.vnffg.Vnffgds.withCriteria;
import static org.assertj.core.api.Assertions.assertThat;

import io.nfvflow.tosca.ToscaException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tacker's criteria, mapped to networking-sfc's flow classifier fields or refused. */
class CriteriaMappingTest {

  private static final String SRC = "network_src_port_id: 14ad4f29-629f-4b97-8bc8-86e96cb49974\n";
  private static final String AT = "policy.criteria[0].classifier.";

  private static FlowMatch match(String criteria) {
    return classifier(withCriteria(SRC + criteria)).match();
  }

  private static void assertOnly(String criteria, String key, String reason, boolean unsupported) {
    assertOnlyProblem(withCriteria(SRC + criteria), "FP1", AT + key, reason, unsupported);
  }

  @Test
  void withoutEthTypeTheClassifierIsIpv4() {
    assertThat(match("ip_proto: 6").ethertype()).isEqualTo("IPv4");
  }

  @ParameterizedTest
  @CsvSource({
    "IPv4, IPv4",
    "ipv4, IPv4",
    "'0x0800', IPv4",
    "0x0800, IPv4",
    "2048, IPv4",
    "IPv6, IPv6",
    "'0x86dd', IPv6",
    "0x86DD, IPv6",
    "34525, IPv6"
  })
  void ethTypeBecomesTheEthertype(String written, String ethertype) {
    assertThat(match("eth_type: " + written).ethertype()).isEqualTo(ethertype);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0x0806", "2054", "0x8847"})
  void otherEthertypesAreUnsupported(String written) {
    assertOnly(
        "eth_type: " + written,
        "eth_type",
        "networking-sfc's flow classifiers match only IPv4 (0x0800) and IPv6 (0x86dd)",
        true);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ip", "0x1ffff", "-1", "[IPv4]"})
  void aValueThatIsNoEthertypeIsInvalid(String written) {
    ToscaException e = refusal(withCriteria(SRC + "eth_type: " + written));
    assertThat(e.property()).isEqualTo(AT + "eth_type");
    assertThat(e.isUnsupported()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"1, icmp", "6, tcp", "17, udp", "'6', tcp"})
  void ipProtoBecomesNetworkingSfcsProtocolName(String written, String protocol) {
    assertThat(match("ip_proto: " + written).protocol()).isEqualTo(protocol);
  }

  @ParameterizedTest
  @ValueSource(ints = {58, 132, 47, 254})
  void otherProtocolsAreUnsupported(int number) {
    assertOnly(
        "ip_proto: " + number,
        "ip_proto",
        "networking-sfc's flow classifiers match only the IP protocols tcp (6), udp (17) and icmp"
            + " (1), not "
            + number,
        true);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "255", "-6"})
  void protocolNumbersOutOfTackersRangeAreInvalid(String number) {
    assertOnly("ip_proto: " + number, "ip_proto", "is out of range: 1 to 254", false);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tcp", "6.5", "true"})
  void aProtocolThatIsNoNumberIsInvalid(String written) {
    assertOnly("ip_proto: " + written, "ip_proto", "is not an IP protocol number", false);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "80-1024|80|1024",
        "'8080'|8080|8080",
        "8080|8080|8080",
        "' 80 - 90 '|80|90",
        "0-65535|0|65535",
        "443-443|443|443"
      })
  void portRangesBecomeMinAndMax(String written, int min, int max) {
    FlowMatch m = match("ip_proto: 6\ndestination_port_range: " + written);
    assertThat(m.destinationPortMin()).isEqualTo(min);
    assertThat(m.destinationPortMax()).isEqualTo(max);
    FlowMatch s = match("ip_proto: 17\nsource_port_range: " + written);
    assertThat(s.sourcePortMin()).isEqualTo(min);
    assertThat(s.sourcePortMax()).isEqualTo(max);
  }

  @Test
  void theCriteriaHoldTheRangeAsTackersMinAndMax() {
    assertThat(
            classifier(withCriteria(SRC + "ip_proto: 6\nsource_port_range: 1000-2000")).criteria())
        .containsEntry("source_port_min", 1000)
        .containsEntry("source_port_max", 2000)
        .doesNotContainKey("source_port_range");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1024-80|is empty: the first port must not be above the last",
        "70000|is out of range: ports are 0 to 65535",
        "80-65536|is out of range: ports are 0 to 65535",
        "http|is not a port range",
        "-5|is not a port range",
        "80-90-100|is not a port range",
        "80:90|is not a port range"
      })
  void badPortRangesAreInvalid(String written, String reason) {
    assertOnly(
        "ip_proto: 6\ndestination_port_range: '" + written + "'",
        "destination_port_range",
        reason,
        false);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ip_proto: 1\n"})
  void aPortRangeNeedsTcpOrUdp(String protocol) {
    assertOnly(
        protocol + "destination_port_range: 80-1024",
        "destination_port_range",
        "a port range needs ip_proto 6 (tcp) or 17 (udp)",
        false);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "10.10.0.0/24",
        "10.10.0.5/24",
        "0.0.0.0/0",
        "192.168.1.2/32",
      })
  void ipv4PrefixesMapToTheIpPrefixes(String prefix) {
    FlowMatch m = match("ip_src_prefix: " + prefix + "\nip_dst_prefix: " + prefix);
    assertThat(m.sourceIpPrefix()).isEqualTo(prefix);
    assertThat(m.destinationIpPrefix()).isEqualTo(prefix);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2001:db8::/32",
        "::/0",
        "fe80::1/128",
        "::ffff:10.0.0.1/128",
        "1:2:3:4:5:6:7:8/64"
      })
  void ipv6PrefixesNeedTheIpv6Ethertype(String prefix) {
    assertThat(match("eth_type: IPv6\nip_dst_prefix: '" + prefix + "'").destinationIpPrefix())
        .isEqualTo(prefix);
    assertOnly(
        "ip_dst_prefix: '" + prefix + "'",
        "ip_dst_prefix",
        "is an IPv6 prefix but the classifier matches IPv4 (the default; set eth_type: IPv6)",
        false);
  }

  @Test
  void anIpv4PrefixInAnIpv6ClassifierIsInvalid() {
    assertOnly(
        "eth_type: IPv6\nip_src_prefix: 10.0.0.0/8",
        "ip_src_prefix",
        "'10.0.0.0/8' is an IPv4 prefix but the classifier matches IPv6: networking-sfc refuses",
        false);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "10.10.0.5",
        "10.10.0.256/24",
        "10.10.0.0/33",
        "010.10.0.0/8",
        "10.10.0.0/024",
        "10.10.0.0/255.255.255.0",
        "10.10.0/24",
        "2001:db8::/129",
        "1::2::3/64",
        "1:2:3:4:5:6:7:8:9/64",
        "2001:db8::g/64",
        "gateway/24"
      })
  void badPrefixesAreInvalid(String prefix) {
    assertOnly("ip_dst_prefix: '" + prefix + "'", "ip_dst_prefix", "is not an IP prefix", false);
  }

  @Test
  void networkPortIdsBecomeTheLogicalPorts() {
    FlowMatch m = match("network_dst_port_id: 8BFF0400-A7B8-41EB-BBEF-D7CFF67A7361");
    assertThat(m.logicalSourcePort()).isEqualTo("14ad4f29-629f-4b97-8bc8-86e96cb49974");
    assertThat(m.logicalDestinationPort()).isEqualTo("8BFF0400-A7B8-41EB-BBEF-D7CFF67A7361");
  }

  @ParameterizedTest
  @ValueSource(strings = {"my port", "640dfd77 c92b"})
  void aPortIdWithBlanksIsInvalid(String id) {
    assertOnly(
        "network_dst_port_id: '" + id + "'",
        "network_dst_port_id",
        "is not a Neutron port id (a UUID",
        false);
  }

  @Test
  void aClassifierWithoutSourcePortIsRefusedForTheOvsDriver() {
    assertOnlyProblem(
        withCriteria("ip_proto: 6"),
        "FP1",
        "policy.criteria[0].classifier",
        "no network_src_port_id: networking-sfc's OVS driver needs every flow classifier's"
            + " logical_source_port",
        true);
  }

  /** Tacker's MATCH_CRITERIA that networking-sfc's flow classifiers have no field for. */
  static Stream<String> inexpressible() {
    return ClassifierReader.MATCH_CRITERIA.stream()
        .filter(k -> !ClassifierReader.SUPPORTED.contains(k));
  }

  @Test
  void tackersCriteriaAreTheThirtyFourOfMatchCriteria() {
    assertThat(ClassifierReader.MATCH_CRITERIA).hasSize(34).doesNotHaveDuplicates();
    assertThat(ClassifierReader.MATCH_CRITERIA).containsAll(ClassifierReader.SUPPORTED);
    assertThat(inexpressible())
        .hasSize(26)
        .contains(
            "eth_src",
            "vlan_id",
            "mpls_label",
            "ip_dscp",
            "network_id",
            "network_name",
            "tenant_id",
            "icmpv4_type",
            "arp_op",
            "ipv6_src",
            "icmpv6_code",
            "ipv6_nd_tll");
  }

  @ParameterizedTest
  @MethodSource("inexpressible")
  void aTackerCriterionNetworkingSfcCannotExpressIsUnsupportedNamingIt(String key) {
    assertOnly(key + ": 1", key, "networking-sfc's flow classifiers cannot match on " + key, true);
  }

  @Test
  void anUnknownCriterionIsInvalidListingTheAcceptedOnes() {
    assertOnly(
        "destination_port: 80",
        "destination_port",
        "unknown criterion 'destination_port' (accepted: eth_type, ip_src_prefix, ip_dst_prefix,"
            + " ip_proto, destination_port_range, source_port_range, network_src_port_id,"
            + " network_dst_port_id)",
        false);
  }

  @Test
  void everyBadCriterionOfAClassifierIsNamed() {
    ToscaException e =
        refusal(withCriteria(SRC + "vlan_id: 10\nip_proto: 300\nfoo: bar\nip_dst_prefix: x/1"));
    assertThat(e.problems())
        .extracting(ToscaException.Problem::property)
        .containsExactly(AT + "vlan_id", AT + "ip_proto", AT + "foo", AT + "ip_dst_prefix");
  }

  @Test
  void aCriterionWithoutValueOrWithAMapIsInvalid() {
    ToscaException e = refusal(withCriteria(SRC + "ip_proto:\nip_dst_prefix: {a: b}"));
    assertThat(e.problems())
        .extracting(ToscaException.Problem::property, ToscaException.Problem::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(AT + "ip_proto", "has no value"),
            org.assertj.core.groups.Tuple.tuple(
                AT + "ip_dst_prefix", "expected a single value, not a map"));
  }

  @Test
  void everyFieldAtOnce() {
    FlowMatch m =
        match(
            """
            eth_type: 0x86dd
            ip_proto: 17
            source_port_range: 1000-2000
            destination_port_range: 53
            ip_src_prefix: 2001:db8:1::/48
            ip_dst_prefix: 2001:db8:2::5/64
            network_dst_port_id: 8bff0400-a7b8-41eb-bbef-d7cff67a7361
            """);
    assertThat(m)
        .isEqualTo(
            new FlowMatch(
                "IPv6",
                "udp",
                1000,
                2000,
                53,
                53,
                "2001:db8:1::/48",
                "2001:db8:2::5/64",
                "14ad4f29-629f-4b97-8bc8-86e96cb49974",
                "8bff0400-a7b8-41eb-bbef-d7cff67a7361"));
    assertThat(List.of(m.protocol())).containsExactly("udp");
  }
}
