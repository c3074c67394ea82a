package dev.ftprecon.faults;

/**
 * The Internet checksum (RFC 1071) and the TCP checksum built on it (RFC 9293 section 3.1 for the
 * IPv4 pseudo-header, RFC 8200 section 8.1 for the IPv6 one).
 *
 * <p>The fault generator needs it because it rewrites TCP headers and payloads, and because the
 * sample captures were taken on a veth link with checksum offload: the kernel leaves only the
 * pseudo-header sum in the checksum field of locally sent segments, so tshark flags nearly every
 * sample packet as bad. Recomputing the checksums makes every generated packet one tshark accepts.
 */
final class InternetChecksum {
  private static final int PROTOCOL_TCP = 6;

  private InternetChecksum() {}

  /**
   * Adds {@code bytes[off, off + len)} as big-endian 16-bit words to {@code sum} (an odd last byte
   * is padded with a zero byte on the right, RFC 1071 section 1) and returns the new, unfolded sum.
   */
  static long add(long sum, byte[] bytes, int off, int len) {
    int end = off + len;
    int i = off;
    for (; i + 1 < end; i += 2) {
      sum += ((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF);
    }
    if (i < end) {
      sum += (bytes[i] & 0xFF) << 8;
    }
    return sum;
  }

  /** Folds the carries of a 32+-bit sum back into 16 bits (end-around carry). */
  static int fold(long sum) {
    while ((sum >>> 16) != 0) {
      sum = (sum & 0xFFFF) + (sum >>> 16);
    }
    return (int) sum;
  }

  /**
   * The checksum field value for {@code bytes[off, off + len)}: the complement of the folded sum.
   */
  static int checksum(byte[] bytes, int off, int len) {
    return ~fold(add(0, bytes, off, len)) & 0xFFFF;
  }

  /**
   * The unfolded sum of the TCP pseudo-header: source and destination addresses (4 or 16 bytes
   * each), protocol 6 and the TCP length (header plus payload as on the wire). The IPv4 and IPv6
   * layouts differ in field order and widths, but the 16-bit word sum is the same: only the
   * protocol and the length contribute besides the addresses.
   */
  static long pseudoHeaderSum(byte[] src, byte[] dst, int tcpLength) {
    long sum = add(0, src, 0, src.length);
    sum = add(sum, dst, 0, dst.length);
    sum += PROTOCOL_TCP;
    sum += (tcpLength >>> 16) & 0xFFFF; // IPv6 has a 32-bit length; its high word is 0 for IPv4
    sum += tcpLength & 0xFFFF;
    return sum;
  }

  /**
   * The TCP checksum of a segment: {@code tcp[off, off + len)} is the whole TCP header and payload
   * with the checksum field (bytes 16-17 of the header) taken as zero, whatever it holds.
   */
  static int tcpChecksum(byte[] src, byte[] dst, byte[] frame, int tcpOffset, int tcpLength) {
    long sum = pseudoHeaderSum(src, dst, tcpLength);
    sum = add(sum, frame, tcpOffset, 16);
    // skip the checksum field itself: summing it as zero
    sum = add(sum, frame, tcpOffset + 18, tcpLength - 18);
    return ~fold(sum) & 0xFFFF;
  }
}
