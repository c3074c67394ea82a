package dev.ftprecon.capture;

/**
 * The record a {@link CaptureReader} is positioned on: a mutable view that the reader overwrites on
 * every {@link CaptureReader#next()} so that reading allocates nothing per packet. Copy what you
 * need to keep; the bytes in {@link #buffer()} are only valid until the next call to {@code
 * next()}.
 */
public final class CaptureRecord {
  private long recordOffset;
  private long dataOffset;
  private int linkType;
  private int interfaceId;
  private long timestampNanos;
  private int capturedLength;
  private long originalLength;
  private byte[] buffer = new byte[0];
  private int bufferOffset;

  CaptureRecord() {}

  /** Byte offset in the file of the record header (pcap) or of the block start (pcapng). */
  public long recordOffset() {
    return recordOffset;
  }

  /**
   * Byte offset in the file of the first byte of packet data, so that packet bytes can be re-read
   * later with positional reads at {@code dataOffset() + n}.
   */
  public long dataOffset() {
    return dataOffset;
  }

  /** The LINKTYPE_ value (tcpdump.org link-layer header types) of the interface. */
  public int linkType() {
    return linkType;
  }

  /** The pcapng interface the packet was captured on; always 0 for pcap. */
  public int interfaceId() {
    return interfaceId;
  }

  /** Capture time in nanoseconds since the Unix epoch; 0 when the format carries none (SPB). */
  public long timestampNanos() {
    return timestampNanos;
  }

  /** Packet bytes present in the file. */
  public int capturedLength() {
    return capturedLength;
  }

  /** Length of the packet on the wire, which may exceed {@link #capturedLength()} (snaplen). */
  public long originalLength() {
    return originalLength;
  }

  /**
   * The array holding the packet bytes at {@code [bufferOffset(), bufferOffset() +
   * capturedLength())}; the reader's own buffer, so do not modify it.
   */
  public byte[] buffer() {
    return buffer;
  }

  /** Index in {@link #buffer()} of the first packet byte. */
  public int bufferOffset() {
    return bufferOffset;
  }

  void setPosition(long recordOffset, long dataOffset, byte[] buffer, int bufferOffset) {
    this.recordOffset = recordOffset;
    this.dataOffset = dataOffset;
    this.buffer = buffer;
    this.bufferOffset = bufferOffset;
  }

  void setPacket(
      int linkType, int interfaceId, long timestampNanos, int capturedLength, long originalLength) {
    this.linkType = linkType;
    this.interfaceId = interfaceId;
    this.timestampNanos = timestampNanos;
    this.capturedLength = capturedLength;
    this.originalLength = originalLength;
  }

  @Override
  public String toString() {
    return "CaptureRecord[recordOffset="
        + recordOffset
        + ", dataOffset="
        + dataOffset
        + ", linkType="
        + linkType
        + ", interfaceId="
        + interfaceId
        + ", timestampNanos="
        + timestampNanos
        + ", capturedLength="
        + capturedLength
        + ", originalLength="
        + originalLength
        + "]";
  }
}
