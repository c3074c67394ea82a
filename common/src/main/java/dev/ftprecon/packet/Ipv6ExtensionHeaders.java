package dev.ftprecon.packet;

/**
 * Walks the chain of IPv6 extension headers (RFC 8200 section 4) to the upper-layer protocol.
 * Non-atomic fragments stop the walk with FRAGMENT, {@code s.start} at the fragment's data.
 */
final class Ipv6ExtensionHeaders {
  // Next Header values (IANA "Assigned Internet Protocol Numbers").
  static final int HOP_BY_HOP = 0;
  static final int ROUTING = 43;
  static final int FRAGMENT = 44;
  static final int AUTHENTICATION = 51;
  static final int NO_NEXT_HEADER = 59;
  static final int DESTINATION_OPTIONS = 60;

  /** Every extension header is at least 8 bytes (RFC 8200 4.3-4.6, RFC 4302 section 2). */
  private static final int MIN_HEADER_BYTES = 8;

  /** RFC 8200 4.5: the Fragment header is exactly 8 bytes. */
  private static final int FRAGMENT_HEADER_BYTES = 8;

  private static final int LENGTH_OFFSET = 1;
  private static final int FRAGMENT_FIELD_OFFSET = 2;
  private static final int IDENTIFICATION_OFFSET = 4;

  /** RFC 8200 4.5: Fragment Offset is the top 13 bits, M (more fragments) the lowest bit. */
  private static final int FRAGMENT_OFFSET_MASK = 0xFFF8;

  private static final int MORE_FRAGMENTS = 0x0001;

  /**
   * Headers accepted in one chain. RFC 8200 4.1 recommends at most one of each kind (two
   * Destination Options), so 8 is generous; the cap bounds the walk on junk.
   */
  static final int MAX_HEADERS = 8;

  /**
   * @param nextHeader the Next Header value of the fixed IPv6 header
   * @return true with {@code s.start} at the upper-layer header and {@code s.protocol} set
   */
  boolean skip(byte[] b, DecodeState s, int nextHeader) {
    int at = s.start;
    for (int count = 0; ; count++) {
      if (!isExtension(nextHeader)) {
        s.start = at;
        s.protocol = nextHeader;
        return true;
      }
      if (count == MAX_HEADERS) {
        return s.malformed(
            "more than "
                + MAX_HEADERS
                + " IPv6 extension headers (expected: <= "
                + MAX_HEADERS
                + ")");
      }
      int room = s.claimedEnd - at;
      int present = s.capturedEnd - at;
      if (room < MIN_HEADER_BYTES) {
        return s.malformed(
            "IPv6 payload has "
                + room
                + " bytes left for extension header "
                + nextHeader
                + " (expected: 8+)");
      }
      if (present < MIN_HEADER_BYTES) {
        return s.malformed(
            "truncated IPv6 extension header "
                + nextHeader
                + ": "
                + present
                + " bytes (expected: 8+)");
      }
      int length = headerLength(nextHeader, NetworkBytes.u8(b, at + LENGTH_OFFSET));
      if (length > room) {
        return s.malformed(
            "IPv6 extension header "
                + nextHeader
                + " claims "
                + length
                + " bytes (expected: <= "
                + room
                + ", the bytes left in the payload)");
      }
      if (length > present) {
        return s.malformed(
            "truncated IPv6 extension header "
                + nextHeader
                + ": "
                + present
                + " bytes (expected: "
                + length
                + ")");
      }
      if (nextHeader == FRAGMENT) {
        int field = NetworkBytes.u16(b, at + FRAGMENT_FIELD_OFFSET);
        // RFC 6946: offset 0 with M = 0 is an "atomic fragment", a whole packet; go on.
        if ((field & (FRAGMENT_OFFSET_MASK | MORE_FRAGMENTS)) != 0) {
          s.start = at + FRAGMENT_HEADER_BYTES;
          s.protocol = NetworkBytes.u8(b, at);
          s.fragmentId = NetworkBytes.u32(b, at + IDENTIFICATION_OFFSET);
          s.fragmentOffset = field & FRAGMENT_OFFSET_MASK; // 8-octet units in bits 15..3
          s.moreFragments = (field & MORE_FRAGMENTS) != 0;
          return s.stop(DecodeStatus.FRAGMENT);
        }
      }
      nextHeader = NetworkBytes.u8(b, at);
      at += length;
    }
  }

  private static boolean isExtension(int nextHeader) {
    return nextHeader == HOP_BY_HOP
        || nextHeader == ROUTING
        || nextHeader == FRAGMENT
        || nextHeader == AUTHENTICATION
        || nextHeader == DESTINATION_OPTIONS;
  }

  /** Header length in bytes from its length byte, per header kind. */
  private static int headerLength(int nextHeader, int lengthByte) {
    switch (nextHeader) {
      case FRAGMENT:
        return FRAGMENT_HEADER_BYTES;
      case AUTHENTICATION:
        // RFC 4302 section 2.2: Payload Len is the length in 32-bit words, minus 2.
        return (lengthByte + 2) * 4;
      default:
        // RFC 8200 4.3, 4.4, 4.6: Hdr Ext Len in 8-octet units, not counting the first 8.
        return (lengthByte + 1) * 8;
    }
  }
}
