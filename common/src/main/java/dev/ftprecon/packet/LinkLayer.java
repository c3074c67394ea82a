package dev.ftprecon.packet;

/**
 * Skips the link-layer header of a frame and finds out which network protocol follows, for the link
 * types of tcpdump.org's LINKTYPE_ list that carry IP in the captures we read.
 */
final class LinkLayer {
  // LINKTYPE_ values (https://www.tcpdump.org/linktypes.html).
  static final int NULL = 0;
  static final int ETHERNET = 1;

  /** DLT_RAW as written in pcap files by most BSDs: raw IP. */
  static final int RAW_BSD = 12;

  /** DLT_RAW as written in pcap files by OpenBSD: raw IP. */
  static final int RAW_OPENBSD = 14;

  static final int RAW = 101;
  static final int LOOP = 108;
  static final int LINUX_SLL = 113;
  static final int IPV4 = 228;
  static final int IPV6 = 229;
  static final int LINUX_SLL2 = 276;

  /** Ethernet II: destination (6), source (6), EtherType (2) (IEEE 802.3 clause 3.2). */
  private static final int ETHERNET_HEADER_BYTES = 14;

  private static final int ETHERNET_TYPE_OFFSET = 12;

  /** Linux cooked v1 (LINKTYPE_LINUX_SLL): protocol type at offset 14 of a 16-byte header. */
  private static final int SLL_HEADER_BYTES = 16;

  private static final int SLL_PROTOCOL_OFFSET = 14;

  /** Linux cooked v2 (LINKTYPE_LINUX_SLL2): protocol type at offset 0 of a 20-byte header. */
  private static final int SLL2_HEADER_BYTES = 20;

  private static final int SLL2_PROTOCOL_OFFSET = 0;

  /** LINKTYPE_NULL / LINKTYPE_LOOP: a 4-byte address family before the IP packet. */
  private static final int LOOPBACK_HEADER_BYTES = 4;

  // Address family values in LINKTYPE_NULL/LOOP headers (tcpdump.org linktypes, LINKTYPE_NULL):
  // AF_INET is 2 everywhere; AF_INET6 differs by operating system.
  private static final int AF_INET = 2;
  private static final int AF_INET6_LINUX = 10;
  private static final int AF_INET6_NETBSD_OPENBSD = 24;
  private static final int AF_INET6_FREEBSD = 28;
  private static final int AF_INET6_DARWIN = 30;

  private static final String SUPPORTED = "0, 1, 12, 14, 101, 108, 113, 228, 229, 276";

  private final EtherTypes etherTypes = new EtherTypes();

  /**
   * On success leaves {@code s.start} at the network header and {@code s.network} set; otherwise
   * sets the status (NOT_IP, MALFORMED or UNSUPPORTED_LINK_TYPE) and returns false.
   */
  boolean decode(int linkType, byte[] b, DecodeState s) {
    switch (linkType) {
      case ETHERNET:
        if (!require(s, ETHERNET_HEADER_BYTES, "Ethernet header")) {
          return false;
        }
        return etherTypes.decode(
            b, s, NetworkBytes.u16(b, s.start + ETHERNET_TYPE_OFFSET), ETHERNET_HEADER_BYTES);
      case LINUX_SLL:
        if (!require(s, SLL_HEADER_BYTES, "Linux cooked header")) {
          return false;
        }
        return etherTypes.decode(
            b, s, NetworkBytes.u16(b, s.start + SLL_PROTOCOL_OFFSET), SLL_HEADER_BYTES);
      case LINUX_SLL2:
        if (!require(s, SLL2_HEADER_BYTES, "Linux cooked v2 header")) {
          return false;
        }
        return etherTypes.decode(
            b, s, NetworkBytes.u16(b, s.start + SLL2_PROTOCOL_OFFSET), SLL2_HEADER_BYTES);
      case RAW:
      case RAW_BSD:
      case RAW_OPENBSD:
        s.network = DecodeState.NETWORK_ANY_IP;
        return true;
      case IPV4:
        s.network = DecodeState.NETWORK_IPV4;
        return true;
      case IPV6:
        s.network = DecodeState.NETWORK_IPV6;
        return true;
      case NULL:
        return loopback(b, s, true);
      case LOOP:
        return loopback(b, s, false);
      default:
        return s.fail(
            DecodeStatus.UNSUPPORTED_LINK_TYPE,
            "unsupported link type " + linkType + " (expected: one of " + SUPPORTED + ")");
    }
  }

  /**
   * BSD loopback: LINKTYPE_NULL stores the address family in the capturing host's byte order,
   * LINKTYPE_LOOP in network byte order. Families are small numbers, so a value with bits in the
   * upper half can only be a little-endian one read big-endian.
   */
  private boolean loopback(byte[] b, DecodeState s, boolean hostOrder) {
    if (!require(s, LOOPBACK_HEADER_BYTES, "loopback header")) {
      return false;
    }
    int family = (int) NetworkBytes.u32(b, s.start);
    if (hostOrder && (family & 0xFFFF_0000) != 0) {
      family = Integer.reverseBytes(family);
    }
    s.start += LOOPBACK_HEADER_BYTES;
    switch (family) {
      case AF_INET:
        s.network = DecodeState.NETWORK_IPV4;
        return true;
      case AF_INET6_LINUX:
      case AF_INET6_NETBSD_OPENBSD:
      case AF_INET6_FREEBSD:
      case AF_INET6_DARWIN:
        s.network = DecodeState.NETWORK_IPV6;
        return true;
      default:
        return s.stop(DecodeStatus.NOT_IP);
    }
  }

  private static boolean require(DecodeState s, int bytes, String header) {
    if (s.present() < bytes) {
      return s.malformed(
          "truncated " + header + ": " + s.present() + " bytes (expected: " + bytes + ")");
    }
    return true;
  }
}
