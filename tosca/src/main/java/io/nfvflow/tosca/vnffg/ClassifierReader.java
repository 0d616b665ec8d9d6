package io.nfvflow.tosca.vnffg;

import io.nfvflow.tosca.ToscaException;
import io.nfvflow.tosca.template.Inputs;
import io.nfvflow.tosca.template.Problems;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one flow classifier's criteria (Tacker's ACL keys) into networking-sfc's flow classifier
 * fields. Every Tacker criterion networking-sfc can express is mapped; one it cannot express is
 * refused as unsupported, never dropped (Tacker dropped them with a warning); an unknown key is
 * invalid. The rules networking-sfc's API and OVS driver enforce are checked here, so that a
 * descriptor that would fail at VNFFG creation is refused at onboarding.
 */
final class ClassifierReader {

  /** Tacker 8.0.0's {@code MATCH_CRITERIA} ({@code tacker/db/nfvo/vnffg_db.py}). */
  static final List<String> MATCH_CRITERIA =
      List.of(
          "eth_type",
          "eth_src",
          "eth_dst",
          "vlan_id",
          "vlan_pcp",
          "mpls_label",
          "mpls_tc",
          "ip_dscp",
          "ip_ecn",
          "ip_src_prefix",
          "ip_dst_prefix",
          "ip_proto",
          "destination_port_range",
          "source_port_range",
          "network_src_port_id",
          "network_dst_port_id",
          "network_id",
          "network_name",
          "tenant_id",
          "icmpv4_type",
          "icmpv4_code",
          "arp_op",
          "arp_spa",
          "arp_tpa",
          "arp_sha",
          "arp_tha",
          "ipv6_src",
          "ipv6_dst",
          "ipv6_flabel",
          "icmpv6_type",
          "icmpv6_code",
          "ipv6_nd_target",
          "ipv6_nd_sll",
          "ipv6_nd_tll");

  /** The criteria networking-sfc's flow classifiers can express, in Tacker's order. */
  static final List<String> SUPPORTED =
      List.of(
          "eth_type",
          "ip_src_prefix",
          "ip_dst_prefix",
          "ip_proto",
          "destination_port_range",
          "source_port_range",
          "network_src_port_id",
          "network_dst_port_id");

  static final String IPV4 = "IPv4";
  static final String IPV6 = "IPv6";

  /** IP protocol numbers networking-sfc accepts, by its names ({@code fc_supported_protocols}). */
  private static final Map<Integer, String> PROTOCOLS = Map.of(1, "icmp", 6, "tcp", 17, "udp");

  private static final Pattern RANGE =
      Pattern.compile("\\s*([0-9]{1,10})\\s*(?:-\\s*([0-9]{1,10})\\s*)?");
  private static final Pattern HEX = Pattern.compile("0[xX]([0-9A-Fa-f]{1,8})");

  /**
   * One criterion as written.
   *
   * @param key the Tacker key
   * @param value the raw value (get_input not yet resolved)
   * @param property its property path, for messages
   */
  record Criterion(String key, Object value, String property) {}

  private final String node;
  private final Inputs inputs;
  private final Problems problems = new Problems();

  private String ethertype;
  private String ethertypeProperty;
  private String protocol;
  private Integer protocolNumber;
  private int[] sourcePorts;
  private String sourcePortsProperty;
  private int[] destinationPorts;
  private String destinationPortsProperty;
  private String sourcePrefix;
  private String sourcePrefixProperty;
  private String destinationPrefix;
  private String destinationPrefixProperty;
  private String sourcePort;
  private String destinationPort;

  /** The criteria written (read with or without a problem). */
  private final Set<String> attempted = new HashSet<>();

  private final Map<String, Object> written = new LinkedHashMap<>();

  private ClassifierReader(String node, Inputs inputs) {
    this.node = node;
    this.inputs = inputs;
  }

  /**
   * Reads one classifier.
   *
   * @param node the FP node, for messages
   * @param property the classifier's property path, for messages
   * @param name the classifier's name, or null
   * @param criteria its criteria in written order
   * @throws ToscaException naming every problem
   */
  static Classifier read(
      String node, String property, String name, List<Criterion> criteria, Inputs inputs) {
    if (criteria.isEmpty()) {
      throw ToscaException.invalid(
          node, property, "no criteria: a flow classifier must match on something");
    }
    return new ClassifierReader(node, inputs).read(property, name, criteria);
  }

  private Classifier read(String property, String name, List<Criterion> criteria) {
    for (Criterion c : criteria) {
      if (!MATCH_CRITERIA.contains(c.key())) {
        problems.add(
            ToscaException.invalid(
                node,
                c.property(),
                "unknown criterion '"
                    + c.key()
                    + "' (accepted: "
                    + String.join(", ", SUPPORTED)
                    + ")"));
      } else if (!SUPPORTED.contains(c.key())) {
        problems.add(
            ToscaException.unsupported(
                node,
                c.property(),
                "networking-sfc's flow classifiers cannot match on " + c.key()));
      } else {
        problems.check(() -> criterion(c));
      }
    }
    crossChecks(property);
    problems.throwIfAny();
    return new Classifier(
        name,
        new FlowMatch(
            ethertype == null ? IPV4 : ethertype,
            protocol,
            sourcePorts == null ? null : sourcePorts[0],
            sourcePorts == null ? null : sourcePorts[1],
            destinationPorts == null ? null : destinationPorts[0],
            destinationPorts == null ? null : destinationPorts[1],
            sourcePrefix,
            destinationPrefix,
            sourcePort,
            destinationPort),
        written);
  }

  private void criterion(Criterion c) {
    attempted.add(c.key());
    Object value = inputs.resolve(c.value(), node, c.property());
    if (value == null || (value instanceof String text && text.isBlank())) {
      throw ToscaException.invalid(node, c.property(), "has no value");
    }
    if (value instanceof Map || value instanceof List) {
      throw ToscaException.invalid(
          node,
          c.property(),
          "expected a single value, not a " + (value instanceof Map ? "map" : "list"));
    }
    switch (c.key()) {
      case "eth_type" -> {
        ethertype = ethertype(value, c.property());
        ethertypeProperty = c.property();
        written.put(c.key(), normalized(value));
      }
      case "ip_proto" -> {
        protocolNumber = protocolNumber(value, c.property());
        protocol = PROTOCOLS.get(protocolNumber);
        written.put(c.key(), protocolNumber);
        if (protocol == null) {
          throw ToscaException.unsupported(
              node,
              c.property(),
              "networking-sfc's flow classifiers match only the IP protocols tcp (6), udp (17)"
                  + " and icmp (1), not "
                  + protocolNumber);
        }
      }
      case "source_port_range" -> {
        sourcePorts = ports(value, c.property());
        sourcePortsProperty = c.property();
        written.put("source_port_min", sourcePorts[0]);
        written.put("source_port_max", sourcePorts[1]);
      }
      case "destination_port_range" -> {
        destinationPorts = ports(value, c.property());
        destinationPortsProperty = c.property();
        written.put("destination_port_min", destinationPorts[0]);
        written.put("destination_port_max", destinationPorts[1]);
      }
      case "ip_src_prefix" -> {
        sourcePrefix = prefix(value, c.property());
        sourcePrefixProperty = c.property();
        written.put(c.key(), sourcePrefix);
      }
      case "ip_dst_prefix" -> {
        destinationPrefix = prefix(value, c.property());
        destinationPrefixProperty = c.property();
        written.put(c.key(), destinationPrefix);
      }
      case "network_src_port_id" -> {
        sourcePort = portId(value, c.property());
        written.put(c.key(), sourcePort);
      }
      case "network_dst_port_id" -> {
        destinationPort = portId(value, c.property());
        written.put(c.key(), destinationPort);
      }
      default -> throw new IllegalStateException("no reader for " + c.key());
    }
  }

  /** The rules between criteria that networking-sfc's API and OVS driver enforce. */
  private void crossChecks(String property) {
    checkVersion(sourcePrefix, sourcePrefixProperty);
    checkVersion(destinationPrefix, destinationPrefixProperty);
    for (String rangeProperty : new String[] {sourcePortsProperty, destinationPortsProperty}) {
      if (rangeProperty != null && !"tcp".equals(protocol) && !"udp".equals(protocol)) {
        if (attempted.contains("ip_proto") && protocol == null) {
          continue; // the protocol itself is already refused
        }
        problems.add(
            ToscaException.invalid(
                node,
                rangeProperty,
                "a port range needs ip_proto 6 (tcp) or 17 (udp)"
                    + (protocol == null ? "" : ", not " + protocolNumber + " (" + protocol + ")")
                    + ": networking-sfc matches ports only for those"));
      }
    }
    if (!attempted.contains("network_src_port_id")) {
      problems.add(
          ToscaException.unsupported(
              node,
              property,
              "no network_src_port_id: networking-sfc's OVS driver needs every flow classifier's"
                  + " logical_source_port (the Neutron port the classified traffic comes from)"));
    }
  }

  /** networking-sfc refuses a prefix whose IP version is not the classifier's ethertype. */
  private void checkVersion(String prefix, String property) {
    String version = ethertype == null ? IPV4 : ethertype;
    if (prefix == null || (attempted.contains("eth_type") && ethertype == null)) {
      return; // no prefix, or an ethertype already refused
    }
    String prefixVersion = Cidr.parse(prefix).version() == 6 ? IPV6 : IPV4;
    if (!prefixVersion.equals(version)) {
      problems.add(
          ToscaException.invalid(
              node,
              property,
              "'"
                  + prefix
                  + "' is an "
                  + prefixVersion
                  + " prefix but the classifier matches "
                  + version
                  + (ethertypeProperty == null ? " (the default; set eth_type: IPv6)" : "")
                  + ": networking-sfc refuses a prefix of the other IP version"));
    }
  }

  private String ethertype(Object value, String property) {
    long number;
    if (value instanceof String text) {
      String t = text.trim();
      if (t.equalsIgnoreCase(IPV4)) {
        return IPV4;
      }
      if (t.equalsIgnoreCase(IPV6)) {
        return IPV6;
      }
      Matcher hex = HEX.matcher(t);
      Long decimal = whole(t);
      if (hex.matches()) {
        number = Long.parseLong(hex.group(1), 16);
      } else if (decimal != null) {
        number = decimal;
      } else {
        throw notAnEthertype(value, property);
      }
    } else if (value instanceof Number && whole(value) != null) {
      number = whole(value);
    } else {
      throw notAnEthertype(value, property);
    }
    if (number == 0x0800) {
      return IPV4;
    }
    if (number == 0x86dd) {
      return IPV6;
    }
    if (number < 0 || number > 0xffff) {
      throw notAnEthertype(value, property);
    }
    throw ToscaException.unsupported(
        node,
        property,
        String.format(
            "networking-sfc's flow classifiers match only IPv4 (0x0800) and IPv6 (0x86dd),"
                + " not ethertype 0x%04x",
            number));
  }

  private ToscaException notAnEthertype(Object value, String property) {
    return ToscaException.invalid(
        node,
        property,
        "'" + value + "' is not an ethertype: write IPv4 (or 0x0800) or IPv6 (or 0x86dd)");
  }

  private int protocolNumber(Object value, String property) {
    Long number = value instanceof Boolean ? null : whole(value);
    if (number == null) {
      throw ToscaException.invalid(
          node,
          property,
          "'" + value + "' is not an IP protocol number (write 6 for tcp, 17 for udp, 1 for icmp)");
    }
    if (number < 1 || number > 254) {
      throw ToscaException.invalid(
          node, property, "IP protocol " + number + " is out of range: 1 to 254");
    }
    return number.intValue();
  }

  private int[] ports(Object value, String property) {
    Object text = value instanceof Number ? whole(value) : value;
    Matcher m =
        text instanceof String || text instanceof Long ? RANGE.matcher(String.valueOf(text)) : null;
    if (m == null || !m.matches()) {
      throw ToscaException.invalid(
          node,
          property,
          "'" + value + "' is not a port range: write min-max, like 80-1024, or a single port");
    }
    long min = Long.parseLong(m.group(1));
    long max = m.group(2) == null ? min : Long.parseLong(m.group(2));
    if (min > 65535 || max > 65535) {
      throw ToscaException.invalid(
          node, property, "'" + value + "' is out of range: ports are 0 to 65535");
    }
    if (min > max) {
      throw ToscaException.invalid(
          node,
          property,
          "'" + value + "' is empty: the first port must not be above the last (networking-sfc)");
    }
    return new int[] {(int) min, (int) max};
  }

  private String prefix(Object value, String property) {
    if (!(value instanceof String text)) {
      throw ToscaException.invalid(
          node, property, "'" + value + "' is not an IP prefix: expected text like 10.10.0.0/24");
    }
    try {
      Cidr.parse(text);
    } catch (IllegalArgumentException e) {
      throw ToscaException.invalid(node, property, e.getMessage());
    }
    return text;
  }

  /**
   * A Neutron port id. Only its form is checked here (a word without blanks); whether Neutron has
   * such a port is networking-sfc's answer when the VNFFG is created (its reason then shows in the
   * VNFFG's error_reason). Two of Tacker's own samples carry a malformed id and must still onboard.
   */
  private String portId(Object value, String property) {
    String text = String.valueOf(value);
    if (!(value instanceof String)
        || text.isBlank()
        || !text.strip().equals(text)
        || text.chars().anyMatch(Character::isWhitespace)) {
      throw ToscaException.invalid(
          node, property, "'" + text + "' is not a Neutron port id (a UUID)");
    }
    return text;
  }

  /** A whole number from a number or numeric text, or null. */
  static Long whole(Object value) {
    if (!(value instanceof Number) && !(value instanceof String)) {
      return null;
    }
    try {
      return new BigDecimal(String.valueOf(value).trim()).longValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      return null;
    }
  }

  /** A written value for the criteria map: whole numbers as Integer (or Long), text unchanged. */
  private static Object normalized(Object value) {
    if (value instanceof Number) {
      Long whole = whole(value);
      if (whole != null) {
        return whole == whole.intValue() ? (Object) whole.intValue() : whole;
      }
    }
    return value;
  }
}
