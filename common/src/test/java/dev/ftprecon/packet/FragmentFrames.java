package dev.ftprecon.packet;

import java.util.Arrays;

/**
 * Test helper: a TCP segment (Frames' header, port 40000 -> 21) and raw IP fragments of it, written
 * field by field (RFC 791 3.1, RFC 8200 4.5) for LINKTYPE_IPV4 and LINKTYPE_IPV6.
 */
final class FragmentFrames {
  static final int LINKTYPE_IPV4 = 228;
  static final int LINKTYPE_IPV6 = 229;
  static final long SEQ = 0x0A0B0C0DL;

  private FragmentFrames() {}

  /** A TCP header plus {@code payloadBytes} bytes counting 0, 1, 2, ... (mod 251). */
  static byte[] tcpSegment(int payloadBytes) {
    ByteWriter w = Frames.tcp(new ByteWriter(), SEQ, 1, 0x18);
    for (int i = 0; i < payloadBytes; i++) {
      w.u8(i % 251);
    }
    return w.toArray();
  }

  static byte[] payloadOf(byte[] segment) {
    return Arrays.copyOfRange(segment, TcpLayer.MIN_HEADER_BYTES, segment.length);
  }

  /** IPv4 fragment carrying {@code data[from, to)} of the datagram, protocol TCP. */
  static byte[] ipv4(int id, byte[] data, int from, int to, boolean more) {
    return ipv4(id, 6, data, from, to, more);
  }

  static byte[] ipv4(int id, int protocol, byte[] data, int from, int to, boolean more) {
    return new ByteWriter()
        .u8(0x45) // version 4, IHL 5
        .u8(0)
        .u16(20 + to - from) // total length
        .u16(id) // identification
        .u16((more ? 0x2000 : 0) | from / 8) // MF, fragment offset in 8-octet units
        .u8(64)
        .u8(protocol)
        .u16(0)
        .bytes(Frames.SRC4)
        .bytes(Frames.DST4)
        .bytes(Arrays.copyOfRange(data, from, to))
        .toArray();
  }

  /** IPv6 packet with a Fragment header carrying {@code data[from, to)}, next header TCP. */
  static byte[] ipv6(long id, byte[] data, int from, int to, boolean more) {
    ByteWriter w = Frames.ipv6(new ByteWriter(), 8 + to - from, 44);
    return w.u8(6) // Next Header: TCP
        .u8(0) // reserved
        .u16(from | (more ? 1 : 0)) // offset (already a multiple of 8) and M
        .u32(id) // identification
        .bytes(Arrays.copyOfRange(data, from, to))
        .toArray();
  }

  /** Copy of {@code frame} with its last {@code n} bytes changed. */
  static byte[] withLastBytesChanged(byte[] frame, int n) {
    byte[] changed = frame.clone();
    for (int i = changed.length - n; i < changed.length; i++) {
      changed[i] ^= (byte) 0xFF;
    }
    return changed;
  }
}
