package dev.ftprecon.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FtpAddressesTest {

  private static final String SERVER = "198.51.100.7";

  @Nested
  class Port {

    @Test
    void rfc2428PortEquivalentOfTheEprtExample() {
      // 24 * 256 + 131 = 6275
      assertThat(FtpAddresses.parsePort("132,235,1,2,24,131"))
          .contains(new HostPort("132.235.1.2", 6275));
    }

    @Test
    void spacesAroundTheNumbersAreTolerated() {
      assertThat(FtpAddresses.parsePort(" 192, 168, 1, 2, 7, 138 "))
          .contains(new HostPort("192.168.1.2", 7 * 256 + 138));
    }

    @Test
    void leadingZerosAreDecimal() {
      assertThat(FtpAddresses.parsePort("010,000,000,001,004,031"))
          .contains(new HostPort("10.0.0.1", 4 * 256 + 31));
    }

    @Test
    void anOctetOf256IsInvalid() {
      assertThat(FtpAddresses.parsePort("192,168,1,256,7,138")).isEmpty();
    }

    @Test
    void aPortOctetOf256IsInvalid() {
      assertThat(FtpAddresses.parsePort("192,168,1,2,256,0")).isEmpty();
    }

    @Test
    void fiveNumbersAreInvalid() {
      assertThat(FtpAddresses.parsePort("192,168,1,2,7")).isEmpty();
    }

    @Test
    void sevenNumbersAreInvalid() {
      assertThat(FtpAddresses.parsePort("192,168,1,2,7,138,1")).isEmpty();
    }

    @Test
    void aNegativeNumberIsInvalid() {
      assertThat(FtpAddresses.parsePort("192,168,1,-2,7,138")).isEmpty();
    }

    @Test
    void anEmptyFieldIsInvalid() {
      assertThat(FtpAddresses.parsePort("192,168,,2,7,138")).isEmpty();
    }

    @Test
    void trailingTextIsInvalid() {
      assertThat(FtpAddresses.parsePort("192,168,1,2,7,138 please")).isEmpty();
    }

    @Test
    void aHugeNumberIsInvalidNotAnOverflow() {
      assertThat(FtpAddresses.parsePort("99999999999999999999,168,1,2,7,138")).isEmpty();
    }

    @Test
    void emptyAndNullAreInvalid() {
      assertThat(FtpAddresses.parsePort("")).isEmpty();
      assertThat(FtpAddresses.parsePort(null)).isEmpty();
    }
  }

  @Nested
  class Pasv {

    @Test
    void vsftpdAndProftpdFormWithParenthesesAndFinalDot() {
      // 195 * 256 + 80 = 50000
      assertThat(FtpAddresses.parsePasvReply("Entering Passive Mode (192,168,1,2,195,80)."))
          .contains(new HostPort("192.168.1.2", 50000));
    }

    @Test
    void theReplyCodeMayBeIncluded() {
      assertThat(FtpAddresses.parsePasvReply("227 Entering Passive Mode (192,168,1,2,195,80)."))
          .contains(new HostPort("192.168.1.2", 50000));
    }

    @Test
    void equalsSignFormWithoutParentheses() {
      assertThat(FtpAddresses.parsePasvReply("227 =192,168,1,2,195,80"))
          .contains(new HostPort("192.168.1.2", 50000));
    }

    @Test
    void formWithoutParentheses() {
      assertThat(FtpAddresses.parsePasvReply("227 Entering Passive Mode 192,168,1,2,195,80"))
          .contains(new HostPort("192.168.1.2", 50000));
    }

    @Test
    void iisForm() {
      // 19 * 256 + 137 = 5001
      assertThat(FtpAddresses.parsePasvReply("Entering Passive Mode (10,0,0,5,19,137)."))
          .contains(new HostPort("10.0.0.5", 5001));
    }

    @Test
    void fileZillaServerForm() {
      // 195 * 256 + 149 = 50069
      assertThat(FtpAddresses.parsePasvReply("Entering Passive Mode (127,0,0,1,195,149)"))
          .contains(new HostPort("127.0.0.1", 50069));
    }

    @Test
    void zeroPaddedOctets() {
      assertThat(FtpAddresses.parsePasvReply("Entering Passive Mode (010,000,000,005,019,137)"))
          .contains(new HostPort("10.0.0.5", 5001));
    }

    @Test
    void spacesAfterCommas() {
      assertThat(FtpAddresses.parsePasvReply("Entering Passive Mode (10, 0, 0, 5, 19, 137)"))
          .contains(new HostPort("10.0.0.5", 5001));
    }

    @Test
    void numbersInTheWordingBeforeTheAddressAreSkipped() {
      assertThat(FtpAddresses.parsePasvReply("Passive mode 2 ok, port (10,0,0,5,19,137)"))
          .contains(new HostPort("10.0.0.5", 5001));
    }

    @Test
    void anOctetOf256IsInvalid() {
      assertThat(FtpAddresses.parsePasvReply("Entering Passive Mode (192,168,1,256,195,80)"))
          .isEmpty();
    }

    @Test
    void fiveNumbersAreInvalid() {
      assertThat(FtpAddresses.parsePasvReply("Entering Passive Mode (192,168,1,2,195)")).isEmpty();
    }

    @Test
    void sevenNumbersAreInvalidRatherThanReadFromTheMiddle() {
      assertThat(FtpAddresses.parsePasvReply("Entering Passive Mode (1,192,168,1,2,195,80)"))
          .isEmpty();
    }

    @Test
    void aTextWithoutNumbersIsInvalid() {
      assertThat(FtpAddresses.parsePasvReply("Entering Passive Mode")).isEmpty();
      assertThat(FtpAddresses.parsePasvReply(null)).isEmpty();
    }
  }

  @Nested
  class Eprt {

    @Test
    void rfc2428Ipv4Example() {
      assertThat(FtpAddresses.parseEprt("|1|132.235.1.2|6275|"))
          .contains(new HostPort("132.235.1.2", 6275));
    }

    @Test
    void rfc2428Ipv6ExampleIsNormalised() {
      assertThat(FtpAddresses.parseEprt("|2|1080::8:800:200C:417A|5282|"))
          .contains(new HostPort("1080::8:800:200c:417a", 5282));
    }

    @Test
    void anyDelimiterFrom33To126IsAccepted() {
      assertThat(FtpAddresses.parseEprt("!1!132.235.1.2!6275!"))
          .contains(new HostPort("132.235.1.2", 6275));
      assertThat(FtpAddresses.parseEprt("~2~::1~21~")).contains(new HostPort("::1", 21));
    }

    @Test
    void surroundingSpacesAreTolerated() {
      assertThat(FtpAddresses.parseEprt(" |1|132.235.1.2|6275| "))
          .contains(new HostPort("132.235.1.2", 6275));
    }

    @Test
    void addressFamily3IsInvalid() {
      assertThat(FtpAddresses.parseEprt("|3|132.235.1.2|6275|")).isEmpty();
    }

    @Test
    void anIpv6AddressWithFamily1IsInvalid() {
      assertThat(FtpAddresses.parseEprt("|1|::1|6275|")).isEmpty();
    }

    @Test
    void anIpv4AddressWithFamily2IsInvalid() {
      assertThat(FtpAddresses.parseEprt("|2|132.235.1.2|6275|")).isEmpty();
    }

    @Test
    void aMissingFinalDelimiterIsInvalid() {
      assertThat(FtpAddresses.parseEprt("|1|132.235.1.2|6275")).isEmpty();
    }

    @Test
    void mixedDelimitersAreInvalid() {
      assertThat(FtpAddresses.parseEprt("|1!132.235.1.2|6275|")).isEmpty();
    }

    @Test
    void aSpaceIsNotADelimiter() {
      assertThat(FtpAddresses.parseEprt(" 1 132.235.1.2 6275 ")).isEmpty();
    }

    @Test
    void port65536IsInvalid() {
      assertThat(FtpAddresses.parseEprt("|1|132.235.1.2|65536|")).isEmpty();
    }

    @Test
    void aNegativePortIsInvalid() {
      assertThat(FtpAddresses.parseEprt("|1|132.235.1.2|-1|")).isEmpty();
    }

    @Test
    void anEmptyAddressIsInvalid() {
      assertThat(FtpAddresses.parseEprt("|1||6275|")).isEmpty();
    }

    @Test
    void aBadIpv4AddressIsInvalid() {
      assertThat(FtpAddresses.parseEprt("|1|192.168.0.313|257|")).isEmpty();
    }

    @Test
    void aBadIpv6AddressIsInvalid() {
      assertThat(FtpAddresses.parseEprt("|2|fe80::gg|1234|")).isEmpty();
    }
  }

  @Nested
  class Epsv {

    @Test
    void rfc2428ExampleMeansTheControlServerAddress() {
      assertThat(FtpAddresses.parseEpsvReply("Entering Extended Passive Mode (|||6446|)", SERVER))
          .contains(new HostPort(SERVER, 6446));
    }

    @Test
    void theReplyCodeMayBeIncluded() {
      assertThat(
              FtpAddresses.parseEpsvReply("229 Entering Extended Passive Mode (|||6446|)", SERVER))
          .contains(new HostPort(SERVER, 6446));
    }

    @Test
    void anIpv6ControlServerIsNormalised() {
      assertThat(FtpAddresses.parseEpsvReply("Extended Passive (|||6446|)", "2001:DB8::0:7"))
          .contains(new HostPort("2001:db8::7", 6446));
    }

    @Test
    void anyNonAlphanumericDelimiterIsAccepted() {
      assertThat(FtpAddresses.parseEpsvReply("Entering Extended Passive Mode (!!!6446!)", SERVER))
          .contains(new HostPort(SERVER, 6446));
    }

    @Test
    void aFilledInHostFieldIsUsed() {
      assertThat(FtpAddresses.parseEpsvReply("Entering (|1|10.1.2.3|6446|)", SERVER))
          .contains(new HostPort("10.1.2.3", 6446));
      assertThat(FtpAddresses.parseEpsvReply("Entering (|2|fe80::1|6446|)", SERVER))
          .contains(new HostPort("fe80::1", 6446));
    }

    @Test
    void missingParenthesesAreTolerated() {
      assertThat(FtpAddresses.parseEpsvReply("Entering Extended Passive Mode |||6446|", SERVER))
          .contains(new HostPort(SERVER, 6446));
    }

    @Test
    void aMissingPortIsInvalid() {
      assertThat(FtpAddresses.parseEpsvReply("Entering Extended Passive Mode (||||)", SERVER))
          .isEmpty();
    }

    @Test
    void missingDelimitersAreInvalid() {
      assertThat(FtpAddresses.parseEpsvReply("Entering Extended Passive Mode (6446)", SERVER))
          .isEmpty();
    }

    @Test
    void port65536IsInvalid() {
      assertThat(FtpAddresses.parseEpsvReply("Entering Extended Passive Mode (|||65536|)", SERVER))
          .isEmpty();
    }

    @Test
    void addressFamily3IsInvalid() {
      assertThat(FtpAddresses.parseEpsvReply("Entering (|3||6446|)", SERVER)).isEmpty();
    }

    @Test
    void anUnknownControlServerMakesAnEmptyHostFieldInvalid() {
      assertThat(FtpAddresses.parseEpsvReply("Entering (|||6446|)", null)).isEmpty();
      assertThat(FtpAddresses.parseEpsvReply("Entering (|||6446|)", "not-an-ip")).isEmpty();
    }
  }

  @Nested
  class Lprt {

    @Test
    void ipv4LongAddress() {
      assertThat(FtpAddresses.parseLprt("4,4,132,235,1,2,2,24,131"))
          .contains(new HostPort("132.235.1.2", 6275));
    }

    @Test
    void ipv6LongAddressAsSentByWuFtpd() {
      // fe80:0000:0000:0000:0260:b0ff:fec1:7b2f, port 198 * 256 + 244 = 50932
      assertThat(
              FtpAddresses.parseLprt(
                  "6,16,254,128,0,0,0,0,0,0,2,96,176,255,254,193,123,47,2,198,244"))
          .contains(new HostPort("fe80::260:b0ff:fec1:7b2f", 50932));
    }

    @Test
    void addressFamily3IsInvalid() {
      assertThat(FtpAddresses.parseLprt("3,4,132,235,1,2,2,24,131")).isEmpty();
    }

    @Test
    void ipv4WithAddressLength16IsInvalid() {
      assertThat(FtpAddresses.parseLprt("4,16,132,235,1,2,2,24,131")).isEmpty();
    }

    @Test
    void ipv6WithAddressLength4IsInvalid() {
      assertThat(FtpAddresses.parseLprt("6,4,132,235,1,2,2,24,131")).isEmpty();
    }

    @Test
    void aPortLengthOtherThan2IsInvalid() {
      assertThat(FtpAddresses.parseLprt("4,4,132,235,1,2,3,0,24,131")).isEmpty();
    }

    @Test
    void tooFewAddressOctetsAreInvalid() {
      assertThat(FtpAddresses.parseLprt("4,4,132,235,1,2,24,131")).isEmpty();
    }

    @Test
    void anOctetOf256IsInvalid() {
      assertThat(FtpAddresses.parseLprt("4,4,132,235,1,256,2,24,131")).isEmpty();
    }
  }

  @Nested
  class Lpsv {

    @Test
    void ipv6ReplyAsSentByWuFtpdWithASpaceAfterAComma() {
      // port 134 * 256 + 7 = 34311
      assertThat(
              FtpAddresses.parseLpsvReply(
                  "Entering Long Passive Mode (6,16,254,128,0,0,0,0,0,0,"
                      + " 2,96,176,255,254,193,123,47,2,134,7)"))
          .contains(new HostPort("fe80::260:b0ff:fec1:7b2f", 34311));
    }

    @Test
    void ipv4Reply() {
      assertThat(
              FtpAddresses.parseLpsvReply("228 Entering Long Passive Mode (4,4,10,0,0,5,2,19,137)"))
          .contains(new HostPort("10.0.0.5", 5001));
    }

    @Test
    void aWrongAddressLengthIsInvalid() {
      assertThat(FtpAddresses.parseLpsvReply("Entering Long Passive Mode (4,5,10,0,0,5,2,19,137)"))
          .isEmpty();
    }

    @Test
    void aPlainPasvAddressIsInvalid() {
      assertThat(FtpAddresses.parseLpsvReply("Entering Long Passive Mode (10,0,0,5,19,137)"))
          .isEmpty();
    }
  }
}
