package dev.ftprecon.capture;

import java.io.IOException;
import java.util.Optional;

/**
 * {@link ChainResync} for pcapng, on block structure (draft-ietf-opsawg-pcapng section 3.1): a
 * plausible block has a known type, a total length that is a multiple of 4, at least the type's
 * minimum and at most {@link SplitOptions#MAX_CHAIN_RECORD_BYTES}, and the same length repeated at
 * its end. Section headers need a byte-order magic and version 1, interface descriptions must
 * parse, packet blocks must parse against the interfaces the chain knows ({@link
 * PacketBlockParser}), with a captured length not above the original one and timestamps within the
 * tolerance of the previous packet's; the chain's first packet must also have consistent link-layer
 * and IP headers. Blocks start at multiples of 4 (every block length is one), so only those offsets
 * are candidates.
 *
 * <p>A chain starts in the state the file declares before its first packet block (byte order,
 * interfaces); Section Header and Interface Description Blocks met on the way change it as they
 * would for {@link PcapngReader}.
 */
final class PcapngResync extends ChainResync {
  private static final int ALIGNMENT = 4;

  // Block types believed as chain members: section 4.2-4.6 and appendix A of the draft (IDB 1,
  // obsolete PB 2, SPB 3, NRB 4, ISB 5, EPB 6, systemd Journal Export 9, Decryption Secrets 0x0A),
  // and the custom blocks 0x0BAD and 0x40000BAD (section 4.8). Other types only move the chain
  // start
  // to a later block.
  private static final int NAME_RESOLUTION_BLOCK = 4;
  private static final int INTERFACE_STATISTICS_BLOCK = 5;
  private static final int JOURNAL_EXPORT_BLOCK = 9;
  private static final int DECRYPTION_SECRETS_BLOCK = 0x0A;
  private static final int CUSTOM_BLOCK = 0x0BAD;
  private static final int CUSTOM_BLOCK_NO_COPY = 0x40000BAD;

  private final PcapngSection initial;
  private final PcapngSection chainSection = new PcapngSection();
  private final InterfaceDescriptionParser interfaceParser = new InterfaceDescriptionParser();
  private final PacketBlockParser packetParser = new PacketBlockParser();
  private final CaptureRecord scratch = new CaptureRecord();
  private boolean sectionChanged = true;
  private boolean havePrevious;
  private long previousNanos;
  private boolean frameChecked;
  private Endianness walkOrder = Endianness.BIG;

  /**
   * @param firstPacketBlock offset of the file's first packet block, where {@code initial} holds
   */
  PcapngResync(
      CaptureFileOpener opener,
      long firstPacketBlock,
      PcapngSection initial,
      SplitOptions options) {
    super(opener, firstPacketBlock, options, ALIGNMENT, BlockFraming.MIN_BLOCK_BYTES);
    this.initial = initial;
  }

  @Override
  void beginWalk() {
    walkOrder = initial.order();
  }

  @Override
  int lengthAt() throws IOException {
    int have = have(0, BlockFraming.HEADER_BYTES + 4);
    if (have == 0) {
      return END_OF_FILE;
    }
    if (have < BlockFraming.HEADER_BYTES) {
      return IMPLAUSIBLE;
    }
    byte[] b = array();
    int at = at(0);
    int minimum = BlockFraming.MIN_BLOCK_BYTES;
    if (Endianness.BIG.u32(b, at)
        == Integer.toUnsignedLong(CaptureFormat.PCAPNG_SECTION_HEADER_TYPE)) {
      Optional<Endianness> magic =
          have < BlockFraming.HEADER_BYTES + 4
              ? Optional.empty()
              : Endianness.ofPcapngMagic(b, at + CaptureFormat.PCAPNG_BYTE_ORDER_MAGIC_OFFSET);
      if (magic.isEmpty()) {
        return IMPLAUSIBLE;
      }
      walkOrder = magic.get();
      minimum = PcapngReader.MIN_SECTION_HEADER_BYTES;
    }
    long length = walkOrder.u32(b, at + BlockFraming.LENGTH_OFFSET);
    if (length < minimum || length % 4 != 0 || length > BlockFraming.MAX_BLOCK_BYTES) {
      return IMPLAUSIBLE;
    }
    int blockBytes = (int) length;
    if (have(0, blockBytes) < blockBytes
        || walkOrder.u32(array(), at(0) + blockBytes - BlockFraming.TRAILER_BYTES) != length) {
      return IMPLAUSIBLE;
    }
    return blockBytes;
  }

  @Override
  void beginChain() {
    if (sectionChanged) {
      chainSection.copyFrom(initial);
      sectionChanged = false;
    }
    havePrevious = false;
    frameChecked = false;
  }

  @Override
  int recordAt(int relative, long offset, int index) throws IOException {
    int have = have(relative, BlockFraming.HEADER_BYTES + 4);
    if (have < 0) {
      return REJECTED;
    }
    if (have == 0) {
      return END_OF_FILE;
    }
    if (have < BlockFraming.HEADER_BYTES) {
      return CUT;
    }
    byte[] b = array();
    int at = at(relative);
    boolean sectionHeader =
        Endianness.BIG.u32(b, at)
            == Integer.toUnsignedLong(CaptureFormat.PCAPNG_SECTION_HEADER_TYPE);
    Endianness order = chainSection.order();
    int type = 0;
    int minimum;
    if (sectionHeader) {
      if (have < BlockFraming.HEADER_BYTES + 4) {
        return CUT;
      }
      Optional<Endianness> magic =
          Endianness.ofPcapngMagic(b, at + CaptureFormat.PCAPNG_BYTE_ORDER_MAGIC_OFFSET);
      if (magic.isEmpty()) {
        return DAMAGED;
      }
      order = magic.get();
      minimum = PcapngReader.MIN_SECTION_HEADER_BYTES;
    } else {
      type = (int) order.u32(b, at);
      minimum = minimumLength(type);
      if (minimum < 0) {
        return IMPLAUSIBLE;
      }
    }
    long length = order.u32(b, at + BlockFraming.LENGTH_OFFSET);
    if (length < BlockFraming.MIN_BLOCK_BYTES
        || length % 4 != 0
        || length > BlockFraming.MAX_BLOCK_BYTES) {
      return DAMAGED;
    }
    if (length < minimum || length > SplitOptions.MAX_CHAIN_RECORD_BYTES) {
      return IMPLAUSIBLE;
    }
    int blockBytes = (int) length;
    have = have(relative, blockBytes);
    if (have < 0) {
      return REJECTED;
    }
    if (have < blockBytes) {
      return CUT;
    }
    b = array();
    at = at(relative);
    if (order.u32(b, at + blockBytes - BlockFraming.TRAILER_BYTES) != length) {
      return DAMAGED;
    }
    if (sectionHeader) {
      if (order.u16(b, at + PcapngReader.MAJOR_VERSION_OFFSET)
          != PcapngReader.SUPPORTED_MAJOR_VERSION) {
        return IMPLAUSIBLE;
      }
      sectionChanged = true;
      chainSection.start(order);
      return blockBytes;
    }
    if (type == PcapngReader.INTERFACE_DESCRIPTION_BLOCK) {
      Optional<PcapngInterface> parsed = interfaceParser.parse(b, at, blockBytes, order, offset);
      sectionChanged = true;
      return parsed.isPresent() && chainSection.add(parsed.get()) ? blockBytes : IMPLAUSIBLE;
    }
    if (PacketBlockParser.carriesPacket(type)) {
      return packetAt(type, b, at, blockBytes, offset);
    }
    return blockBytes;
  }

  private int packetAt(int type, byte[] b, int at, int blockBytes, long offset) {
    if (!packetParser.parse(type, b, at, blockBytes, offset, chainSection, scratch)) {
      return IMPLAUSIBLE;
    }
    int captured = scratch.capturedLength();
    long original = scratch.originalLength();
    if (captured > original
        || captured > PcapReader.MAX_RECORD_BYTES
        || original > PcapResync.MAX_ORIGINAL_BYTES) {
      return IMPLAUSIBLE;
    }
    if (type != PacketBlockParser.SIMPLE_PACKET_BLOCK) {
      long nanos = scratch.timestampNanos();
      if (havePrevious && tooFarApart(nanos, previousNanos)) {
        return TOO_FAR_APART;
      }
      havePrevious = true;
      previousNanos = nanos;
    }
    if (!frameChecked) {
      frameChecked = true;
      if (!isFrame(scratch.linkType(), b, scratch.bufferOffset(), captured, original)) {
        return REJECTED;
      }
    }
    return blockBytes;
  }

  /** The smallest total length of a block type believed in a chain, or -1 for other types. */
  private static int minimumLength(int type) {
    switch (type) {
      case PcapngReader.INTERFACE_DESCRIPTION_BLOCK:
        return InterfaceDescriptionParser.MIN_BLOCK_BYTES;
      case PacketBlockParser.OBSOLETE_PACKET_BLOCK:
      case PacketBlockParser.SIMPLE_PACKET_BLOCK:
      case PacketBlockParser.ENHANCED_PACKET_BLOCK:
        return PacketBlockParser.minimumLength(type);
      case NAME_RESOLUTION_BLOCK:
      case INTERFACE_STATISTICS_BLOCK:
      case JOURNAL_EXPORT_BLOCK:
      case DECRYPTION_SECRETS_BLOCK:
      case CUSTOM_BLOCK:
      case CUSTOM_BLOCK_NO_COPY:
        return BlockFraming.MIN_BLOCK_BYTES;
      default:
        return -1;
    }
  }
}
