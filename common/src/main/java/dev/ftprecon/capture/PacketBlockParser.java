package dev.ftprecon.capture;

/**
 * Fills a {@link CaptureRecord} from one of the three pcapng blocks that carry packets: Enhanced
 * Packet Block, Simple Packet Block and the obsolete Packet Block. On a problem {@link #parse}
 * returns false and {@link #problem()} says what was wrong.
 */
final class PacketBlockParser {
  // Block type codes: draft-ietf-opsawg-pcapng section 4.3 (EPB), 4.4 (SPB), Appendix A (PB).
  static final int OBSOLETE_PACKET_BLOCK = 2;
  static final int SIMPLE_PACKET_BLOCK = 3;
  static final int ENHANCED_PACKET_BLOCK = 6;

  // Section 4.3: Interface ID, Timestamp (High), Timestamp (Low), Captured Packet Length,
  // Original Packet Length (32 bits each) follow the 8-byte block header; the packet data comes
  // next and 4 trailing length bytes close the block, hence 32 bytes without data.
  // Appendix A: the obsolete Packet Block has the same layout except that the Interface ID is
  // 16 bits followed by a 16-bit Drops Count.
  private static final int INTERFACE_ID_OFFSET = 8;
  private static final int TIMESTAMP_HIGH_OFFSET = 12;
  private static final int TIMESTAMP_LOW_OFFSET = 16;
  private static final int CAPTURED_LENGTH_OFFSET = 20;
  private static final int ORIGINAL_LENGTH_OFFSET = 24;
  private static final int PACKET_DATA_OFFSET = 28;
  static final int MIN_PACKET_BLOCK_BYTES = 32;

  // Section 4.4: the Simple Packet Block has only Original Packet Length (32 bits) before the
  // data: 8 + 4 + 4 trailing = 16 bytes without data.
  private static final int SIMPLE_ORIGINAL_LENGTH_OFFSET = 8;
  private static final int SIMPLE_PACKET_DATA_OFFSET = 12;
  static final int MIN_SIMPLE_PACKET_BLOCK_BYTES = 16;

  private String problem = "";

  static boolean carriesPacket(int type) {
    return type == ENHANCED_PACKET_BLOCK
        || type == SIMPLE_PACKET_BLOCK
        || type == OBSOLETE_PACKET_BLOCK;
  }

  /**
   * @param type one of the packet block types ({@link #carriesPacket})
   * @param b buffer holding the whole block
   * @param at index of the block start in {@code b}
   * @param length total block length, already checked to be at least the type's minimum
   * @param offset file offset of the block
   */
  boolean parse(
      int type,
      byte[] b,
      int at,
      int length,
      long offset,
      PcapngSection section,
      CaptureRecord record) {
    if (type == SIMPLE_PACKET_BLOCK) {
      return parseSimple(b, at, length, offset, section, record);
    }
    Endianness order = section.order();
    boolean enhanced = type == ENHANCED_PACKET_BLOCK;
    long interfaceId =
        enhanced ? order.u32(b, at + INTERFACE_ID_OFFSET) : order.u16(b, at + INTERFACE_ID_OFFSET);
    if (interfaceId >= section.interfaceCount()) {
      return fail(
          "unknown interface "
              + interfaceId
              + " in "
              + name(type)
              + " at offset "
              + offset
              + " (declared: "
              + section.interfaceCount()
              + ")");
    }
    PcapngInterface description = section.get((int) interfaceId);
    long ticks =
        order.u32(b, at + TIMESTAMP_HIGH_OFFSET) << 32 | order.u32(b, at + TIMESTAMP_LOW_OFFSET);
    long captured = order.u32(b, at + CAPTURED_LENGTH_OFFSET);
    long original = order.u32(b, at + ORIGINAL_LENGTH_OFFSET);
    int room = length - MIN_PACKET_BLOCK_BYTES;
    if (captured > room) {
      return fail(
          name(type)
              + " at offset "
              + offset
              + " claims "
              + captured
              + " captured bytes (expected: <= "
              + room
              + ", the room in a block of "
              + length
              + " bytes)");
    }
    record.setPosition(offset, offset + PACKET_DATA_OFFSET, b, at + PACKET_DATA_OFFSET);
    long nanos = description.resolution().toEpochNanos(ticks, description.offsetSeconds());
    record.setPacket(description.linkType(), (int) interfaceId, nanos, (int) captured, original);
    return true;
  }

  /**
   * Section 4.4: a Simple Packet Block belongs to the section's first interface and has no
   * timestamp (reported as 0, as Wireshark does); its captured length is the original length
   * bounded by that interface's SnapLen and by the room in the block.
   */
  private boolean parseSimple(
      byte[] b, int at, int length, long offset, PcapngSection section, CaptureRecord record) {
    if (section.interfaceCount() == 0) {
      return fail(
          "simple packet block at offset "
              + offset
              + " precedes any interface description block (declared: 0)");
    }
    PcapngInterface first = section.get(0);
    long original = section.order().u32(b, at + SIMPLE_ORIGINAL_LENGTH_OFFSET);
    long captured = Math.min(original, length - MIN_SIMPLE_PACKET_BLOCK_BYTES);
    if (first.snapLength() != 0) {
      captured = Math.min(captured, first.snapLength());
    }
    record.setPosition(
        offset, offset + SIMPLE_PACKET_DATA_OFFSET, b, at + SIMPLE_PACKET_DATA_OFFSET);
    record.setPacket(first.linkType(), 0, 0, (int) captured, original);
    return true;
  }

  /** What was wrong with the last block {@link #parse} rejected. */
  String problem() {
    return problem;
  }

  static int minimumLength(int type) {
    return type == SIMPLE_PACKET_BLOCK ? MIN_SIMPLE_PACKET_BLOCK_BYTES : MIN_PACKET_BLOCK_BYTES;
  }

  static String name(int type) {
    switch (type) {
      case ENHANCED_PACKET_BLOCK:
        return "enhanced packet block";
      case SIMPLE_PACKET_BLOCK:
        return "simple packet block";
      default:
        return "packet block";
    }
  }

  private boolean fail(String message) {
    problem = message;
    return false;
  }
}
