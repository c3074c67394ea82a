package dev.ftprecon.capture;

import java.io.IOException;
import java.util.Optional;

/**
 * Reads classic libpcap files (draft-ietf-opsawg-pcap): a 24-byte file header followed by records
 * of a 16-byte header and the captured bytes. Both byte orders and both timestamp resolutions
 * (microseconds, nanoseconds) are read.
 */
final class PcapReader implements CaptureReader {
  // draft-ietf-opsawg-pcap section 4 (File Header): magic, major and minor version, two reserved
  // words, SnapLen, then LinkType and additional information.
  static final int FILE_HEADER_BYTES = 24;
  private static final int MAJOR_VERSION_OFFSET = 4;
  private static final int MINOR_VERSION_OFFSET = 6;
  private static final int SNAPLEN_OFFSET = 16;
  private static final int LINK_TYPE_OFFSET = 20;

  /** Section 4: the link type is the low 16 bits; the top bits carry the FCS length, if any. */
  private static final int LINK_TYPE_MASK = 0xFFFF;

  /** Section 4: this document describes version 2.4; every pcap writer uses major version 2. */
  private static final int SUPPORTED_MAJOR_VERSION = 2;

  // draft-ietf-opsawg-pcap section 5 (Packet Record): seconds, fraction (micro- or nanoseconds),
  // captured packet length, original packet length, then the packet data.
  static final int RECORD_HEADER_BYTES = 16;
  static final int TS_SECONDS_OFFSET = 0;
  static final int TS_FRACTION_OFFSET = 4;
  static final int CAPTURED_LENGTH_OFFSET = 8;
  static final int ORIGINAL_LENGTH_OFFSET = 12;

  /**
   * Largest captured length accepted per record: tcpdump's and libpcap's MAXIMUM_SNAPLEN (262144),
   * which is also what Wireshark allows for Ethernet. A larger claim is damage, not a packet.
   */
  static final int MAX_RECORD_BYTES = 262_144;

  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final long NANOS_PER_MICRO = 1_000L;

  private final CaptureInput input;
  private final CaptureRecord record = new CaptureRecord();
  private Endianness order = Endianness.BIG;
  private long nanosPerFractionUnit = NANOS_PER_MICRO;
  private int linkType = -1;
  private PcapFileHeader header;
  private long stopBefore = Long.MAX_VALUE;
  private CaptureDamage damage;
  private long records;
  private long anomalies;

  private PcapReader(CaptureInput input) {
    this.input = input;
  }

  /** The window a pcap reader needs: one record header plus the largest accepted record. */
  static int windowBytes() {
    return RECORD_HEADER_BYTES + MAX_RECORD_BYTES;
  }

  /**
   * Reads the file header from {@code input}, which must be positioned at the start of a file whose
   * magic {@link CaptureFormat#detect} recognised as pcap. A short or unsupported header yields a
   * reader that reports it as damage and delivers nothing.
   */
  static PcapReader open(CaptureInput input) throws IOException {
    PcapReader reader = new PcapReader(input);
    reader.readFileHeader();
    return reader;
  }

  /**
   * A reader that continues a file at a record boundary: {@code input} is positioned on a record
   * header of a file whose header {@link #open} read earlier (split reading).
   */
  static PcapReader resume(CaptureInput input, PcapFileHeader header) {
    PcapReader reader = new PcapReader(input);
    reader.header = header;
    reader.order = header.order();
    reader.nanosPerFractionUnit = header.nanosPerFractionUnit();
    reader.linkType = header.linkType();
    return reader;
  }

  /** The file header, if it was read without damage. */
  Optional<PcapFileHeader> header() {
    return Optional.ofNullable(header);
  }

  /**
   * Makes {@link #next()} return false, without damage, at the first record that starts at or after
   * {@code offset} (the end of a split), before reading any of its bytes.
   */
  void stopBefore(long offset) {
    stopBefore = offset;
  }

  private void readFileHeader() throws IOException {
    long offset = input.position();
    int have = input.fill(FILE_HEADER_BYTES);
    if (have < FILE_HEADER_BYTES) {
      stop(
          offset,
          "capture ends inside pcap file header: "
              + have
              + " bytes (expected: "
              + FILE_HEADER_BYTES
              + ")");
      return;
    }
    byte[] b = input.array();
    int at = input.index();
    Optional<Endianness> micros = Endianness.ofMagic(b, at, CaptureFormat.PCAP_MICROS_MAGIC);
    Optional<Endianness> nanos = Endianness.ofMagic(b, at, CaptureFormat.PCAP_NANOS_MAGIC);
    if (micros.isEmpty() && nanos.isEmpty()) {
      stop(
          offset,
          "pcap file header at offset "
              + offset
              + " has magic "
              + String.format("0x%08x", Endianness.BIG.u32(b, at))
              + " (expected: 0xa1b2c3d4 or 0xa1b23c4d in either byte order)");
      return;
    }
    order = micros.orElseGet(nanos::get);
    nanosPerFractionUnit = micros.isPresent() ? NANOS_PER_MICRO : 1;
    int major = order.u16(b, at + MAJOR_VERSION_OFFSET);
    int minor = order.u16(b, at + MINOR_VERSION_OFFSET);
    if (major != SUPPORTED_MAJOR_VERSION) {
      stop(offset, "unsupported pcap version " + major + "." + minor + " (expected: 2.x)");
      return;
    }
    // SnapLen (offset 16) is advisory: records are checked against
    // MAX_RECORD_BYTES instead, since writers are known to store snaplens they did not honour.
    linkType = (int) (order.u32(b, at + LINK_TYPE_OFFSET) & LINK_TYPE_MASK);
    header =
        new PcapFileHeader(
            order, nanosPerFractionUnit, linkType, order.u32(b, at + SNAPLEN_OFFSET));
    input.consume(FILE_HEADER_BYTES);
  }

  @Override
  public boolean next() throws IOException {
    if (damage != null) {
      return false;
    }
    long offset = input.position();
    if (offset >= stopBefore) {
      return false;
    }
    int have = input.fill(RECORD_HEADER_BYTES);
    if (have == 0) {
      return false;
    }
    if (have < RECORD_HEADER_BYTES) {
      return stop(
          offset,
          "capture ends inside record header at offset "
              + offset
              + ": "
              + have
              + " bytes (expected: "
              + RECORD_HEADER_BYTES
              + ")");
    }
    byte[] b = input.array();
    int at = input.index();
    long seconds = order.u32(b, at + TS_SECONDS_OFFSET);
    long fraction = order.u32(b, at + TS_FRACTION_OFFSET);
    long captured = order.u32(b, at + CAPTURED_LENGTH_OFFSET);
    long original = order.u32(b, at + ORIGINAL_LENGTH_OFFSET);
    if (captured > MAX_RECORD_BYTES) {
      return stop(
          offset,
          "record at offset "
              + offset
              + " claims "
              + captured
              + " bytes (expected: <= "
              + MAX_RECORD_BYTES
              + ")");
    }
    int recordBytes = RECORD_HEADER_BYTES + (int) captured;
    have = input.fill(recordBytes);
    if (have < recordBytes) {
      return stop(
          offset,
          "capture ends inside record at offset "
              + offset
              + ": header claims "
              + captured
              + " bytes, "
              + (have - RECORD_HEADER_BYTES)
              + " present");
    }
    if (captured > original) {
      anomalies++;
    }
    // Filling may have moved the window: take array and index again.
    record.setPosition(
        offset, offset + RECORD_HEADER_BYTES, input.array(), input.index() + RECORD_HEADER_BYTES);
    // Unsigned 32-bit seconds times 10^9 stays below 2^63 (4.3e18 < 9.2e18): no overflow.
    long timestamp = seconds * NANOS_PER_SECOND + fraction * nanosPerFractionUnit;
    record.setPacket(linkType, 0, timestamp, (int) captured, original);
    input.consume(recordBytes);
    records++;
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
    return CaptureFormat.PCAP;
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
    return linkType < 0 ? new int[0] : new int[] {linkType};
  }

  @Override
  public void close() throws IOException {
    input.close();
  }
}
