package io.nfvflow.tosca.vnffg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** IP prefixes: parsing, and the overlap test networking-sfc's conflict rules need. */
class CidrTest {

  @ParameterizedTest
  @CsvSource({
    "10.10.0.5/24, 4, 168427525, 24",
    "0.0.0.0/0, 4, 0, 0",
    "255.255.255.255/32, 4, 4294967295, 32",
    "::/0, 6, 0, 0",
    "::1/128, 6, 1, 128",
    "1::/16, 6, 5192296858534827628530496329220096, 16",
    "::ffff:10.0.0.1/128, 6, 281470849515521, 128",
    "1:2:3:4:5:6:7:8/64, 6, 5192455318486707404433266433261576, 64"
  })
  void parsesAddressAndLength(String text, int version, String address, int length) {
    assertThat(Cidr.parse(text)).isEqualTo(new Cidr(version, new BigInteger(address), length));
  }

  @ParameterizedTest
  @CsvSource({
    "10.0.0.0/8, 10.1.2.0/24, true",
    "10.1.2.0/24, 10.0.0.0/8, true",
    "10.10.0.5/24, 10.10.0.200/24, true",
    "10.1.0.0/16, 10.2.0.0/16, false",
    "0.0.0.0/0, 192.168.1.1/32, true",
    "2001:db8::/32, 2001:db8:1::/48, true",
    "2001:db8::/32, 2001:db9::/32, false",
    "0.0.0.0/0, ::/0, false"
  })
  void overlapsWhenOnePrefixHoldsTheOther(String a, String b, boolean overlap) {
    assertThat(Cidr.parse(a).overlaps(Cidr.parse(b))).isEqualTo(overlap);
  }

  @ParameterizedTest
  @CsvSource({
    "10.0.0.1, write an address and a length",
    "10.0.0.1/33, the length must be 0 to 32",
    "::/200, the length must be 0 to 128",
    "10.0.0/8, '10.0.0' is not an IPv4 address",
    "1:2:3:4:5:6:7/64, '1:2:3:4:5:6:7' is not an IPv6 address",
    "1:2:3:4:5:6:7:8::/64, '1:2:3:4:5:6:7:8::' is not an IPv6 address",
    "::10.0.0.1:1/64, '::10.0.0.1:1' is not an IPv6 address",
    "12345::/64, '12345::' is not an IPv6 address"
  })
  void refusesWhatIsNoPrefix(String text, String reason) {
    assertThatThrownBy(() -> Cidr.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(reason);
  }
}
