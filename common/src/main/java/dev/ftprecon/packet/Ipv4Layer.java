package dev.ftprecon.packet;

/** Decodes an IPv4 header (RFC 791 section 3.1). */
final class Ipv4Layer {
  /** RFC 791 3.1: a header without options is 5 32-bit words. */
  static final int MIN_HEADER_BYTES = 20;

  private static final int MIN_IHL = 5;
  private static final int VERSION = 4;
  private static final int TOTAL_LENGTH_OFFSET = 2;
  private static final int IDENTIFICATION_OFFSET = 4;
  private static final int FLAGS_FRAGMENT_OFFSET = 6;

  /** RFC 791 3.1: bit 2 of the flags, More Fragments. */
  private static final int MORE_FRAGMENTS = 0x2000;

  /** RFC 791 3.1: the low 13 bits, Fragment Offset in 8-octet units. */
  private static final int FRAGMENT_OFFSET_MASK = 0x1FFF;

  private static final int PROTOCOL_OFFSET = 9;
  private static final int SOURCE_OFFSET = 12;
  private static final int DESTINATION_OFFSET = 16;

  /**
   * On success leaves {@code s.start} at the IP payload, {@code s.protocol} set, and the captured
   * and claimed ends cut to the total length (which drops Ethernet padding and trailers).
   */
  boolean decode(byte[] b, DecodeState s, TcpSegment out) {
    int start = s.start;
    int present = s.present();
    if (present < MIN_HEADER_BYTES) {
      return s.malformed(
          "truncated IPv4 header: "
              + Math.max(present, 0)
              + " bytes (expected: "
              + MIN_HEADER_BYTES
              + "+)");
    }
    int version = NetworkBytes.u8(b, start) >>> 4;
    if (version != VERSION) {
      return s.malformed("IPv4 header with IP version " + version + " (expected: 4)");
    }
    int ihl = NetworkBytes.u8(b, start) & 0x0F;
    if (ihl < MIN_IHL) {
      return s.malformed("bad IPv4 header length: IHL " + ihl + " (expected: 5+)");
    }
    int headerBytes = ihl * 4;
    if (present < headerBytes) {
      return s.malformed(
          "truncated IPv4 header: "
              + present
              + " bytes (expected: "
              + headerBytes
              + " per IHL "
              + ihl
              + ")");
    }
    int totalLength = NetworkBytes.u16(b, start + TOTAL_LENGTH_OFFSET);
    if (totalLength == 0) {
      // Segmentation offload: the sending host captured a super-segment before the NIC split it
      // and filled in the lengths; like Wireshark, take the captured bytes as the packet.
      totalLength = Math.min(s.capturedEnd, s.claimedEnd) - start;
    }
    if (totalLength < headerBytes) {
      return s.malformed(
          "IPv4 total length "
              + totalLength
              + " is shorter than its header (expected: >= "
              + headerBytes
              + ")");
    }
    long room = (long) s.claimedEnd - start;
    if (totalLength > room) {
      return s.malformed(
          "IPv4 total length "
              + totalLength
              + " exceeds the enclosing packet (expected: <= "
              + room
              + ")");
    }
    if (totalLength > s.wireEnd - start) {
      // The frame on the wire was shorter than the header claims, so the claim is false; like
      // Wireshark, trust the wire and go on.
      int wire = s.wireEnd - start;
      s.tolerate(
          "IPv4 total length "
              + totalLength
              + " exceeds the packet on the wire (expected: <= "
              + wire
              + "); trimmed");
      totalLength = wire;
    }
    out.setIpv4(b, start + SOURCE_OFFSET, start + DESTINATION_OFFSET);
    s.claimedEnd = start + totalLength;
    s.capturedEnd = Math.min(s.capturedEnd, s.claimedEnd);
    s.protocol = NetworkBytes.u8(b, start + PROTOCOL_OFFSET);
    s.start = start + headerBytes;
    int fragment = NetworkBytes.u16(b, start + FLAGS_FRAGMENT_OFFSET);
    if ((fragment & (MORE_FRAGMENTS | FRAGMENT_OFFSET_MASK)) != 0) {
      s.fragmentId = NetworkBytes.u16(b, start + IDENTIFICATION_OFFSET);
      s.fragmentOffset = (fragment & FRAGMENT_OFFSET_MASK) * 8;
      s.moreFragments = (fragment & MORE_FRAGMENTS) != 0;
      return s.stop(DecodeStatus.FRAGMENT);
    }
    return true;
  }
}
