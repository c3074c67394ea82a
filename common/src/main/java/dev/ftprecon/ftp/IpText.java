package dev.ftprecon.ftp;

import dev.ftprecon.packet.IpAddressFormatter;
import java.util.Optional;

/**
 * Canonical text for IP addresses, so that the same address always compares equal as a string: IPv4
 * as a dotted quad, IPv6 as RFC 5952 recommends (lowercase, leading zeros dropped, the longest run
 * of two or more zero groups compressed to {@code ::}). Parsing is literal only; unlike {@link
 * java.net.InetAddress#getByName} it can never trigger a DNS lookup, and it never throws.
 */
final class IpText {

  /** Longest IPv6 text form: eight groups of four hex digits with an embedded dotted quad. */
  private static final int MAX_IPV6_TEXT = 45;

  private IpText() {}

  /** The canonical text of an IPv4 or IPv6 literal, or empty if {@code text} is not one. */
  static Optional<String> canonical(String text) {
    return parse(text).map(IpText::format);
  }

  /** The 4 or 16 address bytes of an IPv4 or IPv6 literal, or empty if it is not one. */
  static Optional<byte[]> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    return text.indexOf(':') >= 0 ? parseIpv6(text) : parseIpv4(text);
  }

  /**
   * Parses a dotted quad. Leading zeros are read as decimal, not octal: FTP servers pad octets
   * ("010") and never mean octal.
   */
  static Optional<byte[]> parseIpv4(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    byte[] address = new byte[4];
    for (int i = 0; i < 4; i++) {
      int octet = decimalOctet(parts[i]);
      if (octet < 0) {
        return Optional.empty();
      }
      address[i] = (byte) octet;
    }
    return Optional.of(address);
  }

  /**
   * Parses the RFC 4291 §2.2 text forms: eight groups, one {@code ::}, and a trailing dotted quad.
   * Zone identifiers ({@code %eth0}) are not addresses on the wire and are rejected.
   */
  static Optional<byte[]> parseIpv6(String text) {
    if (text == null || text.isEmpty() || text.length() > MAX_IPV6_TEXT) {
      return Optional.empty();
    }
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      return Optional.empty();
    }
    int[] head = groups(gap < 0 ? text : text.substring(0, gap), gap < 0);
    int[] tail = gap < 0 ? new int[0] : groups(text.substring(gap + 2), true);
    if (head == null || tail == null) {
      return Optional.empty();
    }
    int count = head.length + tail.length;
    if (gap < 0 ? count != 8 : count > 7) {
      return Optional.empty();
    }
    int[] all = new int[8];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(tail, 0, all, 8 - tail.length, tail.length);
    byte[] address = new byte[16];
    for (int i = 0; i < 8; i++) {
      address[2 * i] = (byte) (all[i] >> 8);
      address[2 * i + 1] = (byte) all[i];
    }
    return Optional.of(address);
  }

  /** Formats 4 or 16 address bytes; any other length is a programming error. */
  static String format(byte[] address) {
    if (address.length != 4 && address.length != 16) {
      throw new IllegalArgumentException("IP addresses have 4 or 16 bytes, not " + address.length);
    }
    // One formatter for the whole project, so that decoded and announced addresses compare equal.
    return IpAddressFormatter.format(address);
  }

  /**
   * The 16-bit groups of one side of a {@code ::}, or null if malformed. Only the last side may end
   * with a dotted quad, which counts as two groups.
   */
  private static int[] groups(String side, boolean mayEndWithIpv4) {
    if (side.isEmpty()) {
      return new int[0];
    }
    String[] parts = side.split(":", -1);
    boolean endsWithIpv4 = mayEndWithIpv4 && parts[parts.length - 1].indexOf('.') >= 0;
    int[] out = new int[parts.length + (endsWithIpv4 ? 1 : 0)];
    for (int i = 0; i < parts.length; i++) {
      if (endsWithIpv4 && i == parts.length - 1) {
        Optional<byte[]> v4 = parseIpv4(parts[i]);
        if (v4.isEmpty()) {
          return null;
        }
        byte[] b = v4.get();
        out[i] = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        out[i + 1] = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
      } else {
        int group = hexGroup(parts[i]);
        if (group < 0) {
          return null;
        }
        out[i] = group;
      }
    }
    return out;
  }

  private static int hexGroup(String text) {
    if (text.isEmpty() || text.length() > 4) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < text.length(); i++) {
      int digit = asciiHexDigit(text.charAt(i));
      if (digit < 0) {
        return -1;
      }
      value = value * 16 + digit;
    }
    return value;
  }

  /** Only ASCII: {@link Character#digit} would also accept e.g. fullwidth digits. */
  private static int asciiHexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static int decimalOctet(String text) {
    if (text.isEmpty() || text.length() > 3) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value <= 255 ? value : -1;
  }
}
