package dev.ftprecon.capture;

import java.io.IOException;
import java.util.Optional;

/**
 * Reads pcapng files (draft-ietf-opsawg-pcapng) block by block: Section Header Blocks (either byte
 * order, several per file), Interface Description Blocks, and the packet blocks (Enhanced, Simple
 * and the obsolete Packet Block). Every other block is skipped by its length. Each block's framing
 * is checked ({@link BlockFraming}) before anything is read from it; any violation stops reading.
 */
final class PcapngReader implements CaptureReader {
  // Section 4.1 (Section Header Block): Byte-Order Magic (32 bits), Major Version (16 bits),
  // Minor Version (16 bits), Section Length (64 bits), options; 28 bytes without options.
  static final int MAJOR_VERSION_OFFSET = 12;
  private static final int MINOR_VERSION_OFFSET = 14;
  static final int MIN_SECTION_HEADER_BYTES = 28;

  /** Section 4.1: "Major Version ... 1"; a different major version is an incompatible format. */
  static final int SUPPORTED_MAJOR_VERSION = 1;

  /** Section 4.2: Interface Description Block type. */
  static final int INTERFACE_DESCRIPTION_BLOCK = 1;

  private final CaptureInput input;
  private final CaptureRecord record = new CaptureRecord();
  private final PcapngSection section = new PcapngSection();
  private final InterfaceDescriptionParser interfaceParser = new InterfaceDescriptionParser();
  private final PacketBlockParser packetParser = new PacketBlockParser();
  private final LinkTypeSet linkTypes = new LinkTypeSet();
  private final BlockFraming framing;
  private long stopBefore = Long.MAX_VALUE;
  private boolean stopAtPacket;
  private CaptureDamage damage;
  private long records;
  private long anomalies;

  /**
   * @param input positioned at the first Section Header Block
   */
  PcapngReader(CaptureInput input) {
    this.input = input;
    this.framing = new BlockFraming(input);
  }

  /**
   * A reader that continues a file at a block boundary inside a section whose state (byte order,
   * interfaces) was read earlier (split reading).
   */
  PcapngReader(CaptureInput input, PcapngSection state) {
    this(input);
    section.copyFrom(state);
    for (int i = 0; i < section.interfaceCount(); i++) {
      linkTypes.add(section.get(i).linkType());
    }
  }

  /**
   * Makes {@link #next()} return false, without damage, at the first block (of any type) that
   * starts at or after {@code offset}, before reading any of its bytes.
   */
  void stopBefore(long offset) {
    stopBefore = offset;
  }

  /**
   * While true, {@link #next()} returns false before the first packet block instead of reading it.
   */
  void stopAtPacket(boolean stop) {
    stopAtPacket = stop;
  }

  /** The state of the section being read. */
  PcapngSection section() {
    return section;
  }

  /** The window a pcapng reader needs: one whole block of the largest accepted size. */
  static int windowBytes() {
    return BlockFraming.MAX_BLOCK_BYTES;
  }

  @Override
  public boolean next() throws IOException {
    while (damage == null) {
      long offset = input.position();
      if (offset >= stopBefore) {
        return false;
      }
      int have = input.fill(BlockFraming.HEADER_BYTES);
      if (have == 0) {
        return false;
      }
      if (have < BlockFraming.HEADER_BYTES) {
        return stop(
            offset,
            "capture ends inside block header at offset "
                + offset
                + ": "
                + have
                + " bytes (expected: "
                + BlockFraming.HEADER_BYTES
                + ")");
      }
      boolean sectionHeader =
          Endianness.BIG.u32(input.array(), input.index())
              == Integer.toUnsignedLong(CaptureFormat.PCAPNG_SECTION_HEADER_TYPE);
      if (sectionHeader) {
        if (!readSectionHeader(offset)) {
          return false;
        }
        continue;
      }
      if (!section.started()) {
        return stop(
            offset,
            "pcapng block at offset "
                + offset
                + " has type "
                + String.format("0x%08x", Endianness.BIG.u32(input.array(), input.index()))
                + " (expected: a section header block, 0x0a0d0d0a, first)");
      }
      Endianness order = section.order();
      int type = (int) order.u32(input.array(), input.index());
      long length = order.u32(input.array(), input.index() + BlockFraming.LENGTH_OFFSET);
      if (PacketBlockParser.carriesPacket(type)) {
        if (stopAtPacket) {
          return false;
        }
        if (readPacketBlock(type, offset, length)) {
          records++;
          return true;
        }
        return false;
      }
      boolean ok =
          type == INTERFACE_DESCRIPTION_BLOCK
              ? readInterfaceDescription(offset, length)
              : skipBlock(offset, length);
      if (!ok) {
        return false;
      }
    }
    return false;
  }

  private boolean readSectionHeader(long offset) throws IOException {
    int have = input.fill(BlockFraming.MIN_BLOCK_BYTES);
    if (have < BlockFraming.MIN_BLOCK_BYTES) {
      return stop(
          offset,
          "capture ends inside section header block at offset "
              + offset
              + ": "
              + have
              + " bytes (expected: "
              + MIN_SECTION_HEADER_BYTES
              + "+)");
    }
    byte[] b = input.array();
    int at = input.index();
    Optional<Endianness> order =
        Endianness.ofPcapngMagic(b, at + CaptureFormat.PCAPNG_BYTE_ORDER_MAGIC_OFFSET);
    if (order.isEmpty()) {
      return stop(
          offset,
          "section header block at offset "
              + offset
              + " has byte-order magic "
              + String.format(
                  "0x%08x",
                  Endianness.BIG.u32(b, at + CaptureFormat.PCAPNG_BYTE_ORDER_MAGIC_OFFSET))
              + " (expected: 0x1a2b3c4d in either byte order)");
    }
    long length = order.get().u32(b, at + BlockFraming.LENGTH_OFFSET);
    if (!framing.checkLength(offset, length, MIN_SECTION_HEADER_BYTES, "section header block")
        || !framing.fill(offset, (int) length, order.get())) {
      return stop(offset, framing.problem());
    }
    b = input.array();
    at = input.index();
    int major = order.get().u16(b, at + MAJOR_VERSION_OFFSET);
    int minor = order.get().u16(b, at + MINOR_VERSION_OFFSET);
    if (major != SUPPORTED_MAJOR_VERSION) {
      return stop(
          offset,
          "unsupported pcapng version "
              + major
              + "."
              + minor
              + " in section header block at offset "
              + offset
              + " (expected: 1.x)");
    }
    // The Section Length (offset 16) may be -1 (unknown) and is not needed to read sequentially.
    section.start(order.get());
    input.consume((int) length);
    return true;
  }

  private boolean readInterfaceDescription(long offset, long length) throws IOException {
    if (!framing.checkLength(
            offset,
            length,
            InterfaceDescriptionParser.MIN_BLOCK_BYTES,
            "interface description block")
        || !framing.fill(offset, (int) length, section.order())) {
      return stop(offset, framing.problem());
    }
    Optional<PcapngInterface> parsed =
        interfaceParser.parse(input.array(), input.index(), (int) length, section.order(), offset);
    if (parsed.isEmpty()) {
      return stop(offset, interfaceParser.problem());
    }
    if (!section.add(parsed.get())) {
      return stop(
          offset,
          "interface description block at offset "
              + offset
              + " declares interface "
              + section.interfaceCount()
              + " (expected: < "
              + PcapngSection.MAX_INTERFACES
              + " per section)");
    }
    linkTypes.add(parsed.get().linkType());
    input.consume((int) length);
    return true;
  }

  private boolean readPacketBlock(int type, long offset, long length) throws IOException {
    if (!framing.checkLength(
            offset, length, PacketBlockParser.minimumLength(type), PacketBlockParser.name(type))
        || !framing.fill(offset, (int) length, section.order())) {
      return stop(offset, framing.problem());
    }
    if (!packetParser.parse(
        type, input.array(), input.index(), (int) length, offset, section, record)) {
      return stop(offset, packetParser.problem());
    }
    if (record.capturedLength() > record.originalLength()) {
      anomalies++;
    }
    input.consume((int) length);
    return true;
  }

  /** Skips a block this reader does not interpret, checking only its framing. */
  private boolean skipBlock(long offset, long length) throws IOException {
    if (!framing.checkLength(offset, length, BlockFraming.MIN_BLOCK_BYTES, "pcapng block")
        || !framing.skip(offset, length, section.order())) {
      return stop(offset, framing.problem());
    }
    return true;
  }

  private boolean stop(long offset, String message) {
    damage = new CaptureDamage(offset, message);
    return false;
  }

  @Override
  public CaptureRecord record() {
    return record;
  }

  @Override
  public CaptureFormat format() {
    return CaptureFormat.PCAPNG;
  }

  @Override
  public Optional<CaptureDamage> damage() {
    return Optional.ofNullable(damage);
  }

  @Override
  public long records() {
    return records;
  }

  @Override
  public long anomalies() {
    return anomalies;
  }

  @Override
  public int[] linkTypes() {
    return linkTypes.toArray();
  }

  @Override
  public void close() throws IOException {
    input.close();
  }
}
