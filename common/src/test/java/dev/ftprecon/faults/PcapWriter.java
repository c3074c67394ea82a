package dev.ftprecon.faults;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes a classic pcap file (draft-ietf-opsawg-pcap): little-endian, microsecond timestamps, one
 * link type. This is the format {@code tcpdump -w} writes on x86, so generated captures look like
 * the ones the job meets in practice. Timestamps given in nanoseconds are cut (floored) to whole
 * microseconds; the sample sources have microsecond resolution, so nothing is lost for them.
 */
final class PcapWriter implements Closeable {
  static final long MAGIC_MICROSECONDS = 0xA1B2C3D4L;

  /** tcpdump's default snap length since 4.99; the samples were captured with it. */
  static final int SNAP_LENGTH = 262_144;

  private static final int FILE_HEADER_BYTES = 24;
  private static final int RECORD_HEADER_BYTES = 16;

  private final OutputStream out;
  private final ByteBuffer header =
      ByteBuffer.allocate(FILE_HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);

  /** Writes the file header at once. */
  PcapWriter(OutputStream out, int linkType) throws IOException {
    this.out = out;
    header
        .putInt((int) MAGIC_MICROSECONDS)
        .putShort((short) 2) // major version
        .putShort((short) 4) // minor version
        .putInt(0) // reserved1 (thiszone)
        .putInt(0) // reserved2 (sigfigs)
        .putInt(SNAP_LENGTH)
        .putInt(linkType);
    out.write(header.array(), 0, FILE_HEADER_BYTES);
  }

  /**
   * Writes one record: the first {@code capturedLength} bytes of a frame that had {@code
   * originalLength}.
   */
  void write(long timestampNanos, byte[] data, int offset, int capturedLength, long originalLength)
      throws IOException {
    if (timestampNanos < 0) {
      throw new IllegalArgumentException("timestamp before 1970: " + timestampNanos);
    }
    if (capturedLength > originalLength) {
      throw new IllegalArgumentException(
          "captured length " + capturedLength + " > original length " + originalLength);
    }
    long micros = timestampNanos / 1_000;
    header.clear();
    header
        .putInt((int) (micros / 1_000_000)) // seconds, unsigned 32 bits: fine until 2106
        .putInt((int) (micros % 1_000_000))
        .putInt(capturedLength)
        .putInt((int) originalLength);
    out.write(header.array(), 0, RECORD_HEADER_BYTES);
    out.write(data, offset, capturedLength);
  }

  void write(Packet packet) throws IOException {
    write(
        packet.timestampNanos(),
        packet.frame(),
        0,
        packet.capturedLength(),
        packet.originalLength());
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
