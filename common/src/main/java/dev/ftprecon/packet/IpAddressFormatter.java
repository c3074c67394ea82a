package dev.ftprecon.packet;

/**
 * Canonical text of IP addresses: IPv4 as a dotted quad; IPv6 in the RFC 5952 recommended form
 * (section 4): lowercase hex, leading zeros dropped, the longest run of two or more all-zero 16-bit
 * groups replaced by "::" (the first one on a tie); IPv4-mapped addresses in the mixed notation of
 * section 5 ({@code ::ffff:192.0.2.128}). The one formatter of the project: addresses decoded from
 * packets and addresses parsed from FTP commands must compare equal as text.
 */
public final class IpAddressFormatter {
  private static final int IPV6_GROUPS = 8;

  /** RFC 5952 section 4.2.2: "::" must not shorten a single 16-bit 0 field. */
  private static final int MIN_COMPRESSED_RUN = 2;

  private IpAddressFormatter() {}

  /**
   * @param address 4 or 16 bytes
   * @return the text form, or the empty string for any other length
   */
  public static String format(byte[] address) {
    if (address.length == 4) {
      return (address[0] & 0xFF)
          + "."
          + (address[1] & 0xFF)
          + "."
          + (address[2] & 0xFF)
          + "."
          + (address[3] & 0xFF);
    }
    if (address.length == 16) {
      return formatIpv6(address);
    }
    return "";
  }

  private static String formatIpv6(byte[] a) {
    if (isIpv4Mapped(a)) {
      return "::ffff:"
          + (a[12] & 0xFF)
          + "."
          + (a[13] & 0xFF)
          + "."
          + (a[14] & 0xFF)
          + "."
          + (a[15] & 0xFF);
    }
    // RFC 5952 4.2.3: compress the longest run of zero groups; on a tie, the first.
    int bestStart = -1;
    int bestLength = 0;
    int runStart = -1;
    for (int i = 0; i < IPV6_GROUPS; i++) {
      if (group(a, i) == 0) {
        if (runStart < 0) {
          runStart = i;
        }
        int runLength = i - runStart + 1;
        if (runLength > bestLength) {
          bestStart = runStart;
          bestLength = runLength;
        }
      } else {
        runStart = -1;
      }
    }
    if (bestLength < MIN_COMPRESSED_RUN) {
      bestStart = -1;
    }
    StringBuilder text = new StringBuilder(39);
    for (int i = 0; i < IPV6_GROUPS; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
        continue;
      }
      if (i > 0 && i != bestStart + bestLength) {
        text.append(':');
      }
      // RFC 5952 4.1 and 4.3: no leading zeros, lowercase hex digits.
      text.append(Integer.toHexString(group(a, i)));
    }
    return text.toString();
  }

  /** RFC 4291 §2.5.5.2: ::ffff:0:0/96. */
  private static boolean isIpv4Mapped(byte[] a) {
    for (int i = 0; i < 10; i++) {
      if (a[i] != 0) {
        return false;
      }
    }
    return (a[10] & 0xFF) == 0xFF && (a[11] & 0xFF) == 0xFF;
  }

  private static int group(byte[] a, int index) {
    return NetworkBytes.u16(a, 2 * index);
  }
}
