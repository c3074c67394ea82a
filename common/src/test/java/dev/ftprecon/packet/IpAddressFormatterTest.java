package dev.ftprecon.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpAddressFormatterTest {

  @Test
  void formatsIpv4LikeInetAddress() throws Exception {
    Random random = new Random(5952);
    for (int i = 0; i < 1000; i++) {
      byte[] address = new byte[4];
      random.nextBytes(address);
      assertThat(IpAddressFormatter.format(address))
          .isEqualTo(InetAddress.getByAddress(address).getHostAddress());
    }
  }

  /** Full 32-hex-digit address on the left, RFC 5952 text on the right. */
  @ParameterizedTest
  @CsvSource({
    // RFC 5952 4.2.1: shorten as much as possible.
    "20010db8000000000000000000020001, 2001:db8::2:1",
    // RFC 5952 4.2.2: a single 16-bit 0 field is not shortened.
    "20010db8000000010001000100010001, 2001:db8:0:1:1:1:1:1",
    // RFC 5952 4.2.3: the longest run is shortened.
    "20010000000000010000000000000001, 2001:0:0:1::1",
    // RFC 5952 4.2.3: on a tie, the first run.
    "20010db8000000000001000000000001, 2001:db8::1:0:0:1",
    // RFC 5952 4.3: lowercase.
    "20010DB8AAAABBBBCCCCDDDDEEEEAAAA, 2001:db8:aaaa:bbbb:cccc:dddd:eeee:aaaa",
    // RFC 5952 4.1: leading zeros dropped.
    "20010db8000a00b00c000d00000e00f0, 2001:db8:a:b0:c00:d00:e:f0",
    "00000000000000000000000000000000, ::",
    "00000000000000000000000000000001, ::1",
    "00010000000000000000000000000000, 1::",
    "fe800000000000000000000000000001, fe80::1",
    "00000000000100000000000000000000, 0:0:1::",
    // IPv4-mapped stays in hex (the mixed form of RFC 5952 section 5 is not used).
    "00000000000000000000ffffc0000280, ::ffff:192.0.2.128",
  })
  void formatsIpv6AsRfc5952Recommends(String hex, String expected) {
    assertThat(IpAddressFormatter.format(HexFormat.of().parseHex(hex))).isEqualTo(expected);
  }

  @Test
  void formatsOtherLengthsAsEmpty() {
    assertThat(IpAddressFormatter.format(new byte[0])).isEmpty();
    assertThat(IpAddressFormatter.format(new byte[5])).isEmpty();
  }
}
