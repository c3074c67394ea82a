package dev.ftprecon.bench;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes Ethernet II + IPv4 + TCP frames (no options) as records of a classic little-endian pcap
 * with microsecond timestamps, the format {@code tcpdump -w} writes on x86. The IPv4 header
 * checksum is computed; the TCP checksum is left 0, as with checksum offload (tshark does not
 * verify it by default, and neither does ftprecon).
 */
final class FrameOut implements Closeable {
  static final int MSS = 1460; // MTU 1500 - 20 (IPv4) - 20 (TCP)
  private static final int ETHERNET = 14;
  private static final int IPV4 = 20;
  private static final int TCP = 20;
  private static final int LINKTYPE_ETHERNET = 1;

  private final OutputStream out;
  private final byte[] record = new byte[16 + ETHERNET + IPV4 + TCP + MSS];
  private long bytesWritten;
  private long packets;

  FrameOut(Path file) throws IOException {
    out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
    byte[] header = new byte[24];
    le32(header, 0, 0xA1B2C3D4);
    le16(header, 4, 2);
    le16(header, 6, 4);
    le32(header, 16, 262_144);
    le32(header, 20, LINKTYPE_ETHERNET);
    out.write(header);
    bytesWritten = header.length;
  }

  /** One TCP segment from {@code src} to {@code dst}; addresses are IPv4 as ints. */
  void write(
      long nanos,
      int srcIp,
      int srcPort,
      int dstIp,
      int dstPort,
      long seq,
      long ack,
      int flags,
      byte[] payload,
      int off,
      int len)
      throws IOException {
    int frameLen = ETHERNET + IPV4 + TCP + len;
    long micros = nanos / 1000;
    le32(record, 0, (int) (micros / 1_000_000));
    le32(record, 4, (int) (micros % 1_000_000));
    le32(record, 8, frameLen);
    le32(record, 12, frameLen);
    int e = 16;
    // Locally administered MACs derived from the addresses.
    be32(record, e, 0x02000000);
    be16(record, e + 4, dstIp & 0xFFFF);
    be32(record, e + 6, 0x02000000);
    be16(record, e + 10, srcIp & 0xFFFF);
    be16(record, e + 12, 0x0800);
    int ip = e + ETHERNET;
    record[ip] = 0x45;
    record[ip + 1] = 0;
    be16(record, ip + 2, IPV4 + TCP + len);
    be16(record, ip + 4, (int) packets);
    be16(record, ip + 6, 0x4000); // don't fragment
    record[ip + 8] = 64;
    record[ip + 9] = 6;
    be16(record, ip + 10, 0);
    be32(record, ip + 12, srcIp);
    be32(record, ip + 16, dstIp);
    be16(record, ip + 10, ipChecksum(record, ip));
    int tcp = ip + IPV4;
    be16(record, tcp, srcPort);
    be16(record, tcp + 2, dstPort);
    be32(record, tcp + 4, (int) seq);
    be32(record, tcp + 8, (int) ack);
    record[tcp + 12] = (byte) (5 << 4);
    record[tcp + 13] = (byte) flags;
    be16(record, tcp + 14, 65535);
    be32(record, tcp + 16, 0); // checksum and urgent pointer
    if (len > 0) {
      System.arraycopy(payload, off, record, tcp + TCP, len);
    }
    out.write(record, 0, 16 + frameLen);
    bytesWritten += 16 + frameLen;
    packets++;
  }

  long bytesWritten() {
    return bytesWritten;
  }

  long packets() {
    return packets;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  private static int ipChecksum(byte[] b, int off) {
    int sum = 0;
    for (int i = off; i < off + IPV4; i += 2) {
      sum += ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
    }
    while ((sum >>> 16) != 0) {
      sum = (sum & 0xFFFF) + (sum >>> 16);
    }
    return ~sum & 0xFFFF;
  }

  private static void le32(byte[] b, int i, int v) {
    b[i] = (byte) v;
    b[i + 1] = (byte) (v >>> 8);
    b[i + 2] = (byte) (v >>> 16);
    b[i + 3] = (byte) (v >>> 24);
  }

  private static void le16(byte[] b, int i, int v) {
    b[i] = (byte) v;
    b[i + 1] = (byte) (v >>> 8);
  }

  private static void be32(byte[] b, int i, int v) {
    b[i] = (byte) (v >>> 24);
    b[i + 1] = (byte) (v >>> 16);
    b[i + 2] = (byte) (v >>> 8);
    b[i + 3] = (byte) v;
  }

  private static void be16(byte[] b, int i, int v) {
    b[i] = (byte) (v >>> 8);
    b[i + 1] = (byte) v;
  }
}
