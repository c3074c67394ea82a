package dev.ftprecon.capture;

import java.io.IOException;

/**
 * {@link ChainResync} for pcap: a plausible record (draft-ietf-opsawg-pcap section 5) has a
 * captured length within the file's snap length (or libpcap's maximum) and not above its original
 * length, an original length of at most {@link #MAX_ORIGINAL_BYTES}, a timestamp fraction below one
 * second in the file's resolution, a timestamp within the tolerance of the previous record's, and
 * lies wholly in the file; the chain's first packet must also have consistent link-layer and IP
 * headers.
 */
final class PcapResync extends ChainResync {
  /**
   * Largest original length believed: 1 MiB. Frames captured on the sending host before
   * segmentation offload reach 64 KiB, and 512 KiB with Linux BIG TCP (5.19+).
   */
  static final long MAX_ORIGINAL_BYTES = 1L << 20;

  private final PcapFileHeader header;
  private final long capturedCap;
  private long previousNanos;

  PcapResync(CaptureFileOpener opener, PcapFileHeader header, SplitOptions options) {
    super(opener, PcapReader.FILE_HEADER_BYTES, options, 1, PcapReader.RECORD_HEADER_BYTES);
    this.header = header;
    long snap = header.snapLength();
    this.capturedCap =
        snap > 0 && snap < PcapReader.MAX_RECORD_BYTES ? snap : PcapReader.MAX_RECORD_BYTES;
  }

  @Override
  void beginWalk() {}

  @Override
  int lengthAt() throws IOException {
    int have = have(0, PcapReader.RECORD_HEADER_BYTES);
    if (have == 0) {
      return END_OF_FILE;
    }
    if (have < PcapReader.RECORD_HEADER_BYTES) {
      return IMPLAUSIBLE;
    }
    long captured = header.order().u32(array(), at(0) + PcapReader.CAPTURED_LENGTH_OFFSET);
    if (captured > PcapReader.MAX_RECORD_BYTES) {
      return IMPLAUSIBLE;
    }
    int length = PcapReader.RECORD_HEADER_BYTES + (int) captured;
    return have(0, length) < length ? IMPLAUSIBLE : length;
  }

  @Override
  void beginChain() {
    previousNanos = 0;
  }

  @Override
  int recordAt(int relative, long offset, int index) throws IOException {
    int have = have(relative, PcapReader.RECORD_HEADER_BYTES);
    if (have < 0) {
      return REJECTED;
    }
    if (have == 0) {
      return END_OF_FILE;
    }
    if (have < PcapReader.RECORD_HEADER_BYTES) {
      return CUT;
    }
    byte[] b = array();
    int at = at(relative);
    Endianness order = header.order();
    long seconds = order.u32(b, at + PcapReader.TS_SECONDS_OFFSET);
    long fraction = order.u32(b, at + PcapReader.TS_FRACTION_OFFSET);
    long captured = order.u32(b, at + PcapReader.CAPTURED_LENGTH_OFFSET);
    long original = order.u32(b, at + PcapReader.ORIGINAL_LENGTH_OFFSET);
    if (captured > PcapReader.MAX_RECORD_BYTES) {
      return DAMAGED;
    }
    if (captured > capturedCap
        || captured > original
        || original > MAX_ORIGINAL_BYTES
        || fraction >= header.fractionsPerSecond()) {
      return IMPLAUSIBLE;
    }
    long nanos = seconds * 1_000_000_000L + fraction * header.nanosPerFractionUnit();
    if (index > 0 && tooFarApart(nanos, previousNanos)) {
      return TOO_FAR_APART;
    }
    int length = PcapReader.RECORD_HEADER_BYTES + (int) captured;
    have = have(relative, length);
    if (have < 0) {
      return REJECTED;
    }
    if (have < length) {
      return CUT;
    }
    if (index == 0
        && !isFrame(
            header.linkType(),
            array(),
            at(relative) + PcapReader.RECORD_HEADER_BYTES,
            (int) captured,
            original)) {
      return REJECTED;
    }
    previousNanos = nanos;
    return length;
  }
}
