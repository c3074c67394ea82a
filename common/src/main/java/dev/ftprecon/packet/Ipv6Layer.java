package dev.ftprecon.packet;

/** Decodes the fixed IPv6 header (RFC 8200 section 3) and hands over to the extension headers. */
final class Ipv6Layer {
  /** RFC 8200 section 3: the fixed header is 40 bytes. */
  static final int HEADER_BYTES = 40;

  private static final int VERSION = 6;
  private static final int PAYLOAD_LENGTH_OFFSET = 4;
  private static final int NEXT_HEADER_OFFSET = 6;
  private static final int SOURCE_OFFSET = 8;
  private static final int DESTINATION_OFFSET = 24;

  private final Ipv6ExtensionHeaders extensionHeaders = new Ipv6ExtensionHeaders();

  /**
   * On success leaves {@code s.start} at the upper-layer header, {@code s.protocol} set, and the
   * captured and claimed ends cut to the payload length.
   */
  boolean decode(byte[] b, DecodeState s, TcpSegment out) {
    int start = s.start;
    int present = s.present();
    if (present < HEADER_BYTES) {
      return s.malformed(
          "truncated IPv6 header: "
              + Math.max(present, 0)
              + " bytes (expected: "
              + HEADER_BYTES
              + ")");
    }
    int version = NetworkBytes.u8(b, start) >>> 4;
    if (version != VERSION) {
      return s.malformed("IPv6 header with IP version " + version + " (expected: 6)");
    }
    int payloadLength = NetworkBytes.u16(b, start + PAYLOAD_LENGTH_OFFSET);
    int nextHeader = NetworkBytes.u8(b, start + NEXT_HEADER_OFFSET);
    if (payloadLength == 0 && nextHeader != Ipv6ExtensionHeaders.NO_NEXT_HEADER) {
      // RFC 2675: 0 means a jumbogram whose length is in a hop-by-hop option; it also appears
      // with segmentation offload. Neither is decoded here.
      return s.malformed(
          "IPv6 payload length 0 before next header "
              + nextHeader
              + " (jumbogram or segmentation offload; expected: 1+)");
    }
    long room = (long) s.claimedEnd - start - HEADER_BYTES;
    if (payloadLength > room) {
      return s.malformed(
          "IPv6 payload length "
              + payloadLength
              + " exceeds the enclosing packet (expected: <= "
              + room
              + ")");
    }
    if (payloadLength > s.wireEnd - start - HEADER_BYTES) {
      // Shorter on the wire than claimed: trust the wire, as for IPv4.
      int wire = s.wireEnd - start - HEADER_BYTES;
      s.tolerate(
          "IPv6 payload length "
              + payloadLength
              + " exceeds the packet on the wire (expected: <= "
              + wire
              + "); trimmed");
      payloadLength = wire;
    }
    out.setIpv6(b, start + SOURCE_OFFSET, start + DESTINATION_OFFSET);
    s.claimedEnd = start + HEADER_BYTES + payloadLength;
    s.capturedEnd = Math.min(s.capturedEnd, s.claimedEnd);
    s.start = start + HEADER_BYTES;
    return extensionHeaders.skip(b, s, nextHeader);
  }
}
