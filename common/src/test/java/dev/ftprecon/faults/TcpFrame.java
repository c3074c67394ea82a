package dev.ftprecon.faults;

import java.util.Arrays;

/**
 * Where the headers of an Ethernet + IPv4/IPv6 + TCP frame lie, with the edits the fault generator
 * makes: sequence and acknowledgment numbers, flags, payload, checksums.
 *
 * <p>This is deliberately a second, tiny parser next to {@code PacketDecoder}: it only knows the
 * layout of the sample captures (Ethernet II, no VLAN tag, IPv4 options allowed, IPv6 without
 * extension headers) and refuses anything else, so it can rewrite bytes in place without depending
 * on the code the generated captures are meant to test. {@link SourceCapture} checks that both
 * parsers agree on every TCP frame of a source.
 */
final class TcpFrame {
  static final int ETHERNET_HEADER = 14;
  private static final int ETHERTYPE_IPV4 = 0x0800;
  private static final int ETHERTYPE_IPV6 = 0x86DD;
  private static final int PROTOCOL_TCP = 6;
  private static final int IPV6_HEADER = 40;

  private final byte[] frame;
  private final int ipVersion;
  private final int tcpOffset;
  private final int payloadOffset;
  private final int payloadLength;

  private TcpFrame(
      byte[] frame, int ipVersion, int tcpOffset, int payloadOffset, int payloadLength) {
    this.frame = frame;
    this.ipVersion = ipVersion;
    this.tcpOffset = tcpOffset;
    this.payloadOffset = payloadOffset;
    this.payloadLength = payloadLength;
  }

  /**
   * Parses a complete frame (every byte present). Returns null if it is not Ethernet II carrying
   * IPv4 or IPv6 with TCP directly inside; edits write through to {@code frame}.
   */
  static TcpFrame parse(byte[] frame) {
    if (frame.length < ETHERNET_HEADER) {
      return null;
    }
    int etherType = u16(frame, 12);
    int ip = ETHERNET_HEADER;
    if (etherType == ETHERTYPE_IPV4) {
      int headerLength = (frame[ip] & 0x0F) * 4;
      int totalLength = u16(frame, ip + 2);
      if ((frame[ip] >>> 4 & 0x0F) != 4 || (frame[ip + 9] & 0xFF) != PROTOCOL_TCP) {
        return null;
      }
      if ((u16(frame, ip + 6) & 0x3FFF) != 0) {
        return null; // a fragment: more-fragments flag or an offset
      }
      return tcp(frame, 4, ip + headerLength, ip + totalLength);
    }
    if (etherType == ETHERTYPE_IPV6) {
      if ((frame[ip] >>> 4 & 0x0F) != 6 || (frame[ip + 6] & 0xFF) != PROTOCOL_TCP) {
        return null;
      }
      return tcp(frame, 6, ip + IPV6_HEADER, ip + IPV6_HEADER + u16(frame, ip + 4));
    }
    return null;
  }

  private static TcpFrame tcp(byte[] frame, int ipVersion, int tcpOffset, int ipEnd) {
    if (ipEnd > frame.length) {
      throw new IllegalArgumentException(
          "IP length says " + ipEnd + " bytes, frame has " + frame.length);
    }
    int headerLength = (frame[tcpOffset + 12] >>> 4 & 0x0F) * 4;
    int payloadOffset = tcpOffset + headerLength;
    return new TcpFrame(frame, ipVersion, tcpOffset, payloadOffset, ipEnd - payloadOffset);
  }

  byte[] frame() {
    return frame;
  }

  int ipVersion() {
    return ipVersion;
  }

  byte[] srcAddress() {
    return ipVersion == 4
        ? Arrays.copyOfRange(frame, ETHERNET_HEADER + 12, ETHERNET_HEADER + 16)
        : Arrays.copyOfRange(frame, ETHERNET_HEADER + 8, ETHERNET_HEADER + 24);
  }

  byte[] dstAddress() {
    return ipVersion == 4
        ? Arrays.copyOfRange(frame, ETHERNET_HEADER + 16, ETHERNET_HEADER + 20)
        : Arrays.copyOfRange(frame, ETHERNET_HEADER + 24, ETHERNET_HEADER + 40);
  }

  int srcPort() {
    return u16(frame, tcpOffset);
  }

  int dstPort() {
    return u16(frame, tcpOffset + 2);
  }

  void setSrcPort(int port) {
    putU16(frame, tcpOffset, port);
  }

  void setDstPort(int port) {
    putU16(frame, tcpOffset + 2, port);
  }

  long seq() {
    return u32(frame, tcpOffset + 4);
  }

  void setSeq(long seq) {
    putU32(frame, tcpOffset + 4, seq);
  }

  long ack() {
    return u32(frame, tcpOffset + 8);
  }

  void setAck(long ack) {
    putU32(frame, tcpOffset + 8, ack);
  }

  int flags() {
    return frame[tcpOffset + 13] & 0xFF;
  }

  void setFlags(int flags) {
    frame[tcpOffset + 13] = (byte) flags;
  }

  /** The advertised window, unscaled (as in the header). */
  int window() {
    return u16(frame, tcpOffset + 14);
  }

  void setWindow(int window) {
    putU16(frame, tcpOffset + 14, window);
  }

  boolean has(int flag) {
    return (flags() & flag) != 0;
  }

  int tcpOffset() {
    return tcpOffset;
  }

  /** Index in the frame of the first payload byte. */
  int payloadOffset() {
    return payloadOffset;
  }

  /** Payload length as the IP header announces it (the whole frame is present). */
  int payloadLength() {
    return payloadLength;
  }

  int checksumField() {
    return u16(frame, tcpOffset + 16);
  }

  /** Whether the TCP options carry a SACK block (kind 5), which sequence rewrites would miss. */
  boolean hasSackBlocks() {
    int i = tcpOffset + 20;
    while (i < payloadOffset) {
      int kind = frame[i] & 0xFF;
      if (kind == 0) {
        return false; // end of option list
      }
      if (kind == 1) {
        i++; // no-operation
        continue;
      }
      if (kind == 5) {
        return true;
      }
      i += Math.max(2, frame[i + 1] & 0xFF);
    }
    return false;
  }

  /**
   * A new frame with the same link, IP and TCP headers but {@code payload[off, off + len)} as its
   * payload at sequence number {@code seq}; IP lengths follow, checksums are left to {@link
   * #fixChecksums()}. Bytes after the IP packet (Ethernet padding) are dropped.
   */
  TcpFrame withPayload(long seq, byte[] payload, int off, int len) {
    byte[] copy = Arrays.copyOf(frame, payloadOffset + len);
    System.arraycopy(payload, off, copy, payloadOffset, len);
    int ip = ETHERNET_HEADER;
    if (ipVersion == 4) {
      putU16(copy, ip + 2, copy.length - ip);
    } else {
      putU16(copy, ip + 4, copy.length - ip - IPV6_HEADER);
    }
    TcpFrame edited = new TcpFrame(copy, ipVersion, tcpOffset, payloadOffset, len);
    edited.setSeq(seq);
    return edited;
  }

  /** Recomputes the TCP checksum and, for IPv4, the header checksum, in place. */
  void fixChecksums() {
    if (ipVersion == 4) {
      int ip = ETHERNET_HEADER;
      int headerLength = (frame[ip] & 0x0F) * 4;
      putU16(frame, ip + 10, 0);
      putU16(frame, ip + 10, InternetChecksum.checksum(frame, ip, headerLength));
    }
    int tcpLength = payloadOffset + payloadLength - tcpOffset;
    putU16(frame, tcpOffset + 16, computedChecksum(tcpLength));
  }

  /** The checksum this segment should carry. */
  int computedChecksum() {
    return computedChecksum(payloadOffset + payloadLength - tcpOffset);
  }

  private int computedChecksum(int tcpLength) {
    return InternetChecksum.tcpChecksum(srcAddress(), dstAddress(), frame, tcpOffset, tcpLength);
  }

  static int u16(byte[] b, int at) {
    return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
  }

  static long u32(byte[] b, int at) {
    return ((long) u16(b, at) << 16) | u16(b, at + 2);
  }

  private static void putU16(byte[] b, int at, int value) {
    b[at] = (byte) (value >>> 8);
    b[at + 1] = (byte) value;
  }

  private static void putU32(byte[] b, int at, long value) {
    putU16(b, at, (int) (value >>> 16) & 0xFFFF);
    putU16(b, at + 2, (int) value & 0xFFFF);
  }
}
