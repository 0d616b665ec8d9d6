package io.nfvflow.tosca.vnffg;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * An IP prefix as networking-sfc takes it ({@code source_ip_prefix}, {@code destination_ip_prefix}:
 * Neutron's {@code subnet} validator): an address literal, '/', a prefix length. Host bits may be
 * set ({@code 10.10.0.5/24}, as Tacker's samples write it); an IPv4 prefix must be written in the
 * canonical form Neutron compares it with (no leading zeros, no netmask).
 *
 * @param version 4 or 6
 * @param address the address, host bits included
 * @param length the prefix length
 */
record Cidr(int version, BigInteger address, int length) {

  private static final Pattern OCTET = Pattern.compile("0|[1-9][0-9]{0,2}");
  private static final Pattern LENGTH = Pattern.compile("0|[1-9][0-9]{0,2}");
  private static final Pattern HEXTET = Pattern.compile("[0-9A-Fa-f]{1,4}");

  /**
   * Parses a prefix.
   *
   * @throws IllegalArgumentException with the reason when the text is not an IP prefix
   */
  static Cidr parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException(
          "'" + text + "' is not an IP prefix: write an address and a length, like 10.10.0.0/24");
    }
    String address = text.substring(0, slash);
    String length = text.substring(slash + 1);
    boolean v6 = address.contains(":");
    BigInteger value = v6 ? ipv6(address) : ipv4(address);
    int bits = v6 ? 128 : 32;
    if (value == null) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not an IP prefix: '"
              + address
              + "' is not an IPv"
              + (v6 ? 6 : 4)
              + " address");
    }
    if (!LENGTH.matcher(length).matches() || Integer.parseInt(length) > bits) {
      throw new IllegalArgumentException(
          "'" + text + "' is not an IP prefix: the length must be 0 to " + bits);
    }
    return new Cidr(v6 ? 6 : 4, value, Integer.parseInt(length));
  }

  /** Whether the two prefixes share an address (one holds the other), as networking-sfc tests. */
  boolean overlaps(Cidr other) {
    if (version != other.version) {
      return false;
    }
    int bits = version == 6 ? 128 : 32;
    int shared = bits - Math.min(length, other.length);
    return address.shiftRight(shared).equals(other.address.shiftRight(shared));
  }

  private static BigInteger ipv4(String text) {
    String[] octets = text.split("\\.", -1);
    if (octets.length != 4) {
      return null;
    }
    long value = 0;
    for (String octet : octets) {
      if (!OCTET.matcher(octet).matches() || Integer.parseInt(octet) > 255) {
        return null;
      }
      value = value * 256 + Integer.parseInt(octet);
    }
    return BigInteger.valueOf(value);
  }

  /** An IPv6 literal: eight hextets, '::' for a run of zeros, an IPv4 tail allowed. */
  private static BigInteger ipv6(String text) {
    int compressed = text.indexOf("::");
    if (compressed >= 0 && text.indexOf("::", compressed + 1) >= 0) {
      return null;
    }
    String head = compressed < 0 ? text : text.substring(0, compressed);
    String tail = compressed < 0 ? "" : text.substring(compressed + 2);
    BigInteger[] headGroups = hextets(head, compressed < 0);
    BigInteger[] tailGroups = hextets(tail, true);
    if (headGroups == null || tailGroups == null) {
      return null;
    }
    int groups = headGroups.length + tailGroups.length;
    if (compressed < 0 ? groups != 8 : groups > 7) {
      return null;
    }
    BigInteger value = BigInteger.ZERO;
    for (BigInteger group : headGroups) {
      value = value.shiftLeft(16).or(group);
    }
    value = value.shiftLeft(16 * (8 - groups));
    for (BigInteger group : tailGroups) {
      value = value.shiftLeft(16).or(group);
    }
    return value;
  }

  /** The 16-bit groups of one side of '::'; an IPv4 tail counts as two; null when malformed. */
  private static BigInteger[] hextets(String part, boolean mayEndInIpv4) {
    if (part.isEmpty()) {
      return new BigInteger[0];
    }
    String[] fields = part.split(":", -1);
    int count = fields.length;
    String last = fields[count - 1];
    boolean ipv4Tail = mayEndInIpv4 && last.contains(".");
    BigInteger[] groups = new BigInteger[ipv4Tail ? count + 1 : count];
    for (int i = 0; i < count - (ipv4Tail ? 1 : 0); i++) {
      if (!HEXTET.matcher(fields[i]).matches()) {
        return null;
      }
      groups[i] = new BigInteger(fields[i], 16);
    }
    if (ipv4Tail) {
      BigInteger v4 = ipv4(last);
      if (v4 == null) {
        return null;
      }
      groups[count - 1] = v4.shiftRight(16);
      groups[count] = v4.and(BigInteger.valueOf(0xffff));
    }
    return groups;
  }
}
