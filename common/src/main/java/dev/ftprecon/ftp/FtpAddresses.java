package dev.ftprecon.ftp;

import java.util.Optional;

/**
 * Total parsers for the data-connection addresses FTP announces on the control connection. Every
 * method answers {@code Optional.empty()} for anything it cannot read and never throws, whatever
 * the input (including null).
 */
public final class FtpAddresses {

  /** RFC 1639 §2: address family 4 is IPv4 with 4 address octets, 6 is IPv6 with 16. */
  private static final int LONG_AF_IPV4 = 4;

  private static final int LONG_AF_IPV6 = 6;

  /** RFC 1639 port length for TCP: two octets. */
  private static final int LONG_PORT_LENGTH = 2;

  /** RFC 2428 §2: the EPRT/EPSV delimiter is an ASCII character from 33 to 126. */
  private static final char MIN_DELIMITER = 33;

  private static final char MAX_DELIMITER = 126;

  private FtpAddresses() {}

  /**
   * Parses the PORT argument {@code h1,h2,h3,h4,p1,p2} (RFC 959 §4.1.2): four address octets and
   * the port as two octets, high first. Spaces around the numbers are tolerated.
   */
  public static Optional<HostPort> parsePort(String arg) {
    if (arg == null) {
      return Optional.empty();
    }
    int[] numbers = CommaNumbers.whole(arg);
    return numbers == null ? Optional.empty() : hostPort6(numbers);
  }

  /**
   * Parses the text of a 227 reply to PASV. RFC 959 §4.1.2 only says the reply carries the
   * host-port; servers write {@code Entering Passive Mode (h1,...,p2).}, {@code =h1,...,p2}, or
   * omit the parentheses, pad with zeros and add spaces. Like Zeek and Wireshark, this takes the
   * first run of exactly six comma-separated octets anywhere in the text.
   */
  public static Optional<HostPort> parsePasvReply(String text) {
    if (text == null) {
      return Optional.empty();
    }
    return CommaNumbers.firstDecodable(text, FtpAddresses::hostPort6);
  }

  /**
   * Parses the EPRT argument {@code <d><af><d><address><d><port><d>} (RFC 2428 §2), e.g. {@code
   * |1|132.235.1.2|6275|} or {@code |2|1080::8:800:200C:417A|5282|}; af 1 is IPv4 and 2 is IPv6.
   */
  public static Optional<HostPort> parseEprt(String arg) {
    if (arg == null) {
      return Optional.empty();
    }
    String s = arg.strip();
    if (s.length() < 5 || !isDelimiter(s.charAt(0))) {
      return Optional.empty();
    }
    DelimitedFields fields = DelimitedFields.read(s, 0);
    if (fields == null || fields.end() != s.length()) {
      return Optional.empty();
    }
    return switch (fields.family()) {
      case "1" -> IpText.parseIpv4(fields.address()).map(a -> HostPort.of(a, fields.port()));
      case "2" -> IpText.parseIpv6(fields.address()).map(a -> HostPort.of(a, fields.port()));
      default -> Optional.empty();
    };
  }

  /**
   * Parses the text of a 229 reply to EPSV (RFC 2428 §3): {@code Entering Extended Passive Mode
   * (|||6446|)}. The address field is normally empty, which means the data connection goes to the
   * address the control connection went to, {@code controlServerIp}. Some servers fill in the
   * family and address anyway; that is accepted too. Any delimiter 33..126 except letters and
   * digits is accepted (a letter or digit would make the text ambiguous).
   */
  public static Optional<HostPort> parseEpsvReply(String text, String controlServerIp) {
    if (text == null) {
      return Optional.empty();
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isDelimiter(c) || Character.isLetterOrDigit(c)) {
        continue;
      }
      DelimitedFields fields = DelimitedFields.read(text, i);
      if (fields == null) {
        continue;
      }
      Optional<byte[]> address = epsvAddress(fields, controlServerIp);
      if (address.isPresent()) {
        return Optional.of(HostPort.of(address.get(), fields.port()));
      }
    }
    return Optional.empty();
  }

  /**
   * Parses the LPRT argument {@code af,hal,h1,...,hN,pal,p1,p2} (RFC 1639 §2). Only the Internet
   * families are accepted: af 4 with hal 4 and af 6 with hal 16, both with pal 2 (a TCP port).
   */
  public static Optional<HostPort> parseLprt(String arg) {
    if (arg == null) {
      return Optional.empty();
    }
    int[] numbers = CommaNumbers.whole(arg);
    return numbers == null ? Optional.empty() : longHostPort(numbers);
  }

  /**
   * Parses the text of a 228 reply to LPSV (RFC 1639 §3): {@code Entering Long Passive Mode
   * (af,hal,h1,...,pal,p1,p2)}, scanning for the first run that is a valid long host-port.
   */
  public static Optional<HostPort> parseLpsvReply(String text) {
    if (text == null) {
      return Optional.empty();
    }
    return CommaNumbers.firstDecodable(text, FtpAddresses::longHostPort);
  }

  private static Optional<HostPort> hostPort6(int[] n) {
    if (n.length != 6 || !CommaNumbers.allOctets(n)) {
      return Optional.empty();
    }
    byte[] address = {(byte) n[0], (byte) n[1], (byte) n[2], (byte) n[3]};
    return Optional.of(HostPort.of(address, n[4] * 256 + n[5]));
  }

  private static Optional<HostPort> longHostPort(int[] n) {
    if (n.length < 2 || !CommaNumbers.allOctets(n)) {
      return Optional.empty();
    }
    int family = n[0];
    int addressLength = n[1];
    boolean known =
        (family == LONG_AF_IPV4 && addressLength == 4)
            || (family == LONG_AF_IPV6 && addressLength == 16);
    if (!known || n.length != 2 + addressLength + 1 + LONG_PORT_LENGTH) {
      return Optional.empty();
    }
    if (n[2 + addressLength] != LONG_PORT_LENGTH) {
      return Optional.empty();
    }
    byte[] address = new byte[addressLength];
    for (int i = 0; i < addressLength; i++) {
      address[i] = (byte) n[2 + i];
    }
    int portAt = 2 + addressLength + 1;
    return Optional.of(HostPort.of(address, n[portAt] * 256 + n[portAt + 1]));
  }

  private static Optional<byte[]> epsvAddress(DelimitedFields fields, String controlServerIp) {
    String family = fields.family();
    if (!family.isEmpty() && !family.equals("1") && !family.equals("2")) {
      return Optional.empty();
    }
    if (fields.address().isEmpty()) {
      return IpText.parse(controlServerIp);
    }
    String address = fields.address();
    return switch (family) {
      case "1" -> IpText.parseIpv4(address);
      case "2" -> IpText.parseIpv6(address);
      default -> IpText.parse(address);
    };
  }

  private static boolean isDelimiter(char c) {
    return c >= MIN_DELIMITER && c <= MAX_DELIMITER;
  }
}
