package dev.ftprecon.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IpTextTest {

  @Test
  void ipv4IsWrittenAsADottedQuad() {
    assertThat(IpText.canonical("192.168.1.2")).contains("192.168.1.2");
  }

  @Test
  void ipv4LeadingZerosAreReadAsDecimal() {
    assertThat(IpText.canonical("010.000.001.002")).contains("10.0.1.2");
  }

  @Test
  void ipv4OctetAbove255IsRejected() {
    assertThat(IpText.canonical("192.168.1.256")).isEmpty();
  }

  @Test
  void ipv4WithThreeOctetsIsRejected() {
    assertThat(IpText.canonical("192.168.1")).isEmpty();
  }

  @Test
  void ipv4WithAnEmptyOctetIsRejected() {
    assertThat(IpText.canonical("192..1.2")).isEmpty();
  }

  @Test
  void hostNamesAreNotAddressesAndAreNeverLookedUp() {
    assertThat(IpText.canonical("localhost")).isEmpty();
  }

  @Test
  void rfc5952Section4_2_1CompressesTheZeroRun() {
    assertThat(IpText.canonical("2001:db8:0:0:0:0:2:1")).contains("2001:db8::2:1");
  }

  @Test
  void rfc5952Section4_2_2DoesNotCompressASingleZeroGroup() {
    assertThat(IpText.canonical("2001:db8:0:1:1:1:1:1")).contains("2001:db8:0:1:1:1:1:1");
  }

  @Test
  void rfc5952Section4_2_3CompressesTheLongestRun() {
    assertThat(IpText.canonical("2001:0:0:1:0:0:0:1")).contains("2001:0:0:1::1");
  }

  @Test
  void rfc5952Section4_2_3CompressesTheFirstRunOnATie() {
    assertThat(IpText.canonical("2001:db8:0:0:1:0:0:1")).contains("2001:db8::1:0:0:1");
  }

  @Test
  void rfc5952Section4_1DropsLeadingZeros() {
    assertThat(IpText.canonical("2001:0db8::0001")).contains("2001:db8::1");
  }

  @Test
  void rfc5952Section4_3WritesLowercase() {
    assertThat(IpText.canonical("2001:DB8:0:0::1")).contains("2001:db8::1");
  }

  @Test
  void theUnspecifiedAndLoopbackAddressesAreCompressed() {
    assertThat(IpText.canonical("0:0:0:0:0:0:0:0")).contains("::");
    assertThat(IpText.canonical("0:0:0:0:0:0:0:1")).contains("::1");
    assertThat(IpText.canonical("1:0:0:0:0:0:0:0")).contains("1::");
  }

  @Test
  void rfc5952Section5WritesIpv4MappedAddressesInMixedNotation() {
    assertThat(IpText.canonical("::FFFF:C000:0201")).contains("::ffff:192.0.2.1");
    assertThat(IpText.canonical("::ffff:192.0.2.1")).contains("::ffff:192.0.2.1");
  }

  @Test
  void anEmbeddedDottedQuadIsReadAsTwoGroups() {
    assertThat(IpText.canonical("64:ff9b::192.0.2.33")).contains("64:ff9b::c000:221");
  }

  @Test
  void nineGroupsAreRejected() {
    assertThat(IpText.canonical("1:2:3:4:5:6:7:8:9")).isEmpty();
  }

  @Test
  void sevenGroupsWithoutDoubleColonAreRejected() {
    assertThat(IpText.canonical("1:2:3:4:5:6:7")).isEmpty();
  }

  @Test
  void twoDoubleColonsAreRejected() {
    assertThat(IpText.canonical("1::2::3")).isEmpty();
  }

  @Test
  void eightGroupsPlusDoubleColonAreRejected() {
    assertThat(IpText.canonical("1:2:3:4::5:6:7:8")).isEmpty();
  }

  @Test
  void aFiveDigitGroupIsRejected() {
    assertThat(IpText.canonical("12345::1")).isEmpty();
  }

  @Test
  void aNonHexGroupIsRejected() {
    assertThat(IpText.canonical("fe80::gg")).isEmpty();
  }

  @Test
  void nonAsciiDigitsAreRejected() {
    assertThat(IpText.canonical("fe80::\uff11")).isEmpty();
  }

  @Test
  void aZoneIdentifierIsRejected() {
    assertThat(IpText.canonical("fe80::1%eth0")).isEmpty();
  }

  @Test
  void aDanglingColonIsRejected() {
    assertThat(IpText.canonical(":1:2:3:4:5:6:7")).isEmpty();
    assertThat(IpText.canonical("1:2:3:4:5:6:7:")).isEmpty();
  }

  @Test
  void aDottedQuadBeforeTheEndIsRejected() {
    assertThat(IpText.canonical("1.2.3.4::1")).isEmpty();
  }

  @Test
  void nullIsNotAnAddress() {
    assertThat(IpText.canonical(null)).isEmpty();
  }

  @Test
  void formattingFiveBytesIsAProgrammingError() {
    assertThatThrownBy(() -> IpText.format(new byte[5]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
