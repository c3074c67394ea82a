package dev.ftprecon.packet;

/** Decodes a TCP header (RFC 9293 section 3.1) and locates the payload. */
final class TcpLayer {
  /** RFC 9293 3.1: a header without options is 5 32-bit words. */
  static final int MIN_HEADER_BYTES = 20;

  private static final int MIN_DATA_OFFSET = 5;
  private static final int SOURCE_PORT_OFFSET = 0;
  private static final int DESTINATION_PORT_OFFSET = 2;
  private static final int SEQUENCE_OFFSET = 4;
  private static final int ACKNOWLEDGMENT_OFFSET = 8;

  /** Data Offset is the top 4 bits of byte 12, in 32-bit words. */
  private static final int DATA_OFFSET_OFFSET = 12;

  /** The eight control bits CWR..FIN are byte 13. */
  private static final int FLAGS_OFFSET = 13;

  private static final int WINDOW_OFFSET = 14;

  /**
   * Bytes up to and including the control bits: ports, sequence and acknowledgment numbers, data
   * offset and flags. Fewer captured bytes leave nothing useful; more and the segment is usable
   * even if the capture cut the rest of the header (the window, at 14, is then reported as 0).
   */
  static final int FIELDS_BYTES = 14;

  /**
   * Reads the header at {@code s.start}. The segment reaches {@code s.claimedEnd} according to the
   * IP lengths; {@code s.capturedEnd} is where the captured bytes stop.
   *
   * <p>A header whose options the capture cut off (snap length) is still a TCP segment: its ports,
   * numbers and flags are known and its payload is known to be missing, which the reassembly needs
   * to see. It is reported as TCP with no payload present and a tolerated anomaly.
   */
  boolean decode(byte[] b, DecodeState s, TcpSegment out) {
    int start = s.start;
    int claimed = s.claimedEnd - start;
    int present = s.present();
    if (claimed < MIN_HEADER_BYTES) {
      return s.malformed(
          "TCP segment of "
              + claimed
              + " bytes is shorter than a TCP header (expected: "
              + MIN_HEADER_BYTES
              + "+)");
    }
    if (present < FIELDS_BYTES) {
      return s.malformed(
          "truncated TCP header: "
              + Math.max(present, 0)
              + " bytes (expected: "
              + FIELDS_BYTES
              + "+ for ports, numbers and flags)");
    }
    int dataOffset = NetworkBytes.u8(b, start + DATA_OFFSET_OFFSET) >>> 4;
    if (dataOffset < MIN_DATA_OFFSET) {
      return s.malformed("bad TCP data offset " + dataOffset + " (expected: 5+)");
    }
    int headerBytes = dataOffset * 4;
    if (headerBytes > claimed) {
      return s.malformed(
          "TCP header of "
              + headerBytes
              + " bytes exceeds its segment (expected: <= "
              + claimed
              + ")");
    }
    if (headerBytes > present) {
      // claimed >= headerBytes > present: the capture stopped inside the header.
      s.tolerate(
          "TCP header cut by the capture: " + present + " of " + headerBytes + " bytes present");
    }
    int payloadStart = start + headerBytes;
    int window = present >= WINDOW_OFFSET + 2 ? NetworkBytes.u16(b, start + WINDOW_OFFSET) : 0;
    // Fill the segment only once every check passed, so a MALFORMED result carries no TCP fields.
    out.setHeader(
        NetworkBytes.u16(b, start + SOURCE_PORT_OFFSET),
        NetworkBytes.u16(b, start + DESTINATION_PORT_OFFSET),
        NetworkBytes.u32(b, start + SEQUENCE_OFFSET),
        NetworkBytes.u32(b, start + ACKNOWLEDGMENT_OFFSET),
        NetworkBytes.u8(b, start + FLAGS_OFFSET),
        window);
    out.setPayload(
        payloadStart - s.frameStart,
        Math.max(0, s.capturedEnd - payloadStart),
        s.claimedEnd - payloadStart);
    return true;
  }
}
