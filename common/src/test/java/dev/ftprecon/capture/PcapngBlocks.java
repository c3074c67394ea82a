package dev.ftprecon.capture;

/**
 * Test helper: writes pcapng blocks field by field (draft-ietf-opsawg-pcapng). Each method
 * documents the block's size so tests can state file offsets by hand.
 */
final class PcapngBlocks {
  private PcapngBlocks() {}

  /** Section Header Block without options (section 4.1): 28 bytes. */
  static ByteWriter sectionHeader(ByteWriter w) {
    return w.u32(0x0A0D0D0AL) // block type
        .u32(28) // block total length
        .u32(0x1A2B3C4DL) // byte-order magic, in the writer's order
        .u16(1) // major version
        .u16(0) // minor version
        .u64(-1) // section length: unknown
        .u32(28); // block total length
  }

  /** Interface Description Block without options (section 4.2): 20 bytes. */
  static ByteWriter interfaceDescription(ByteWriter w, int linkType, long snapLength) {
    return w.u32(1) // block type: IDB
        .u32(20) // block total length
        .u16(linkType) // link type
        .u16(0) // reserved
        .u32(snapLength) // snaplen
        .u32(20); // block total length
  }

  /**
   * Interface Description Block with one if_tsresol option (section 4.2): 20 + 8 (option header, 1
   * value byte, 3 padding) + 4 (opt_endofopt) = 32 bytes.
   */
  static ByteWriter interfaceDescription(ByteWriter w, int linkType, long snapLength, int tsresol) {
    return w.u32(1) // block type: IDB
        .u32(32) // block total length
        .u16(linkType) // link type
        .u16(0) // reserved
        .u32(snapLength) // snaplen
        .u16(9) // option code: if_tsresol
        .u16(1) // option length
        .u8(tsresol) // option value
        .zeros(3) // padding to 32 bits
        .u16(0) // option code: opt_endofopt
        .u16(0) // option length
        .u32(32); // block total length
  }

  /**
   * Enhanced Packet Block without options (section 4.3): 32 bytes plus the data padded to 4; the
   * data starts 28 bytes into the block.
   */
  static ByteWriter enhancedPacket(
      ByteWriter w, long interfaceId, long ticks, long originalLength, int... data) {
    int padded = (data.length + 3) & ~3;
    return w.u32(6) // block type: EPB
        .u32(32 + padded) // block total length
        .u32(interfaceId) // interface id
        .u32(ticks >>> 32) // timestamp (high)
        .u32(ticks & 0xFFFF_FFFFL) // timestamp (low)
        .u32(data.length) // captured packet length
        .u32(originalLength) // original packet length
        .bytes(data) // packet data
        .zeros(padded - data.length) // padding to 32 bits
        .u32(32 + padded); // block total length
  }

  /**
   * Simple Packet Block (section 4.4): 16 bytes plus the data padded to 4; the data starts 12 bytes
   * into the block.
   */
  static ByteWriter simplePacket(ByteWriter w, long originalLength, int... data) {
    int padded = (data.length + 3) & ~3;
    return w.u32(3) // block type: SPB
        .u32(16 + padded) // block total length
        .u32(originalLength) // original packet length
        .bytes(data) // packet data
        .zeros(padded - data.length) // padding to 32 bits
        .u32(16 + padded); // block total length
  }
}
