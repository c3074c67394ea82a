package dev.ftprecon.packet;

/**
 * Test helper: writes protocol headers field by field. Addresses are documentation prefixes (RFC
 * 5737, RFC 3849); checksums are left 0 because the decoder does not verify them.
 */
final class Frames {
  static final int[] SRC4 = {192, 0, 2, 1};
  static final int[] DST4 = {198, 51, 100, 2};

  /** 2001:db8::1 */
  static final int[] SRC6 = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};

  /** 2001:db8::2 */
  static final int[] DST6 = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2};

  static final String PAYLOAD = "USER a\r\n"; // 8 bytes

  private Frames() {}

  /** Ethernet II header, 14 bytes. */
  static ByteWriter ethernet(ByteWriter w, int etherType) {
    return w.bytes(0x02, 0, 0, 0, 0, 0x02) // destination MAC
        .bytes(0x02, 0, 0, 0, 0, 0x01) // source MAC
        .u16(etherType); // EtherType
  }

  /** IPv4 header without options, 20 bytes (RFC 791 3.1). */
  static ByteWriter ipv4(ByteWriter w, int totalLength, int flagsAndOffset, int protocol) {
    return w.u8(0x45) // version 4, IHL 5
        .u8(0) // DSCP/ECN
        .u16(totalLength) // total length
        .u16(0x1234) // identification
        .u16(flagsAndOffset) // flags, fragment offset
        .u8(64) // TTL
        .u8(protocol) // protocol
        .u16(0) // header checksum (not verified)
        .bytes(SRC4) // source address
        .bytes(DST4); // destination address
  }

  /** IPv6 fixed header, 40 bytes (RFC 8200 section 3). */
  static ByteWriter ipv6(ByteWriter w, int payloadLength, int nextHeader) {
    return w.u32(0x6000_0000L) // version 6, traffic class 0, flow label 0
        .u16(payloadLength) // payload length
        .u8(nextHeader) // next header
        .u8(64) // hop limit
        .bytes(SRC6) // source address
        .bytes(DST6); // destination address
  }

  /** TCP header without options, 20 bytes (RFC 9293 3.1): 40000 -> 21, PSH|ACK. */
  static ByteWriter tcp(ByteWriter w) {
    return tcp(w, 0x01020304L, 0xFFFF_FFFEL, 0x18);
  }

  static ByteWriter tcp(ByteWriter w, long seq, long ack, int flags) {
    return w.u16(40000) // source port
        .u16(21) // destination port
        .u32(seq) // sequence number
        .u32(ack) // acknowledgment number
        .u8(0x50) // data offset 5, reserved
        .u8(flags) // control bits
        .u16(502) // window
        .u16(0) // checksum (not verified)
        .u16(0); // urgent pointer
  }

  /** Ethernet + IPv4 + TCP + {@link #PAYLOAD}: 62 bytes, payload at 54. */
  static byte[] ethernetIpv4Tcp() {
    ByteWriter w = ethernet(new ByteWriter(), 0x0800);
    ipv4(w, 20 + 20 + 8, 0x4000, 6); // DF set, protocol TCP
    return tcp(w).ascii(PAYLOAD).toArray();
  }

  /** IPv4 + TCP + {@link #PAYLOAD}: 48 bytes, payload at 40. */
  static byte[] ipv4Tcp() {
    ByteWriter w = ipv4(new ByteWriter(), 48, 0, 6);
    return tcp(w).ascii(PAYLOAD).toArray();
  }

  /** IPv6 + TCP + {@link #PAYLOAD}: 68 bytes, payload at 60. */
  static byte[] ipv6Tcp() {
    ByteWriter w = ipv6(new ByteWriter(), 28, 6);
    return tcp(w).ascii(PAYLOAD).toArray();
  }
}
