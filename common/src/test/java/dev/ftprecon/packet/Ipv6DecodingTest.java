package dev.ftprecon.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Ipv6DecodingTest {
  private static final int RAW = 101;

  /** Hop-by-Hop or Destination Options header of 8 bytes: one PadN option (RFC 8200 4.2). */
  private static ByteWriter options8(ByteWriter w, int nextHeader) {
    return w.u8(nextHeader) // next header
        .u8(0) // hdr ext len: 0 -> 8 bytes
        .bytes(0x01, 0x04, 0, 0, 0, 0); // PadN, 4 bytes of padding
  }

  @Test
  void walksHopByHopDestinationRoutingAndAuthenticationHeaders() {
    ByteWriter w = Frames.ipv6(new ByteWriter(), 64 + 28, 0); // next: Hop-by-Hop
    options8(w, 60); // Hop-by-Hop, 8 bytes; next: Destination Options
    options8(w, 43); // Destination Options, 8 bytes; next: Routing
    w.u8(51) // Routing header: next header AH
        .u8(2) // hdr ext len 2 -> 24 bytes
        .u8(4) // routing type 4 (segment routing)
        .u8(0) // segments left
        .zeros(4) // last entry, flags, tag
        .bytes(Frames.DST6); // one segment
    w.u8(6) // Authentication Header: next header TCP
        .u8(4) // payload len 4 -> (4 + 2) * 4 = 24 bytes (RFC 4302 2.2)
        .u16(0) // reserved
        .u32(0x1000) // SPI
        .u32(1) // sequence number
        .zeros(12); // ICV
    Frames.tcp(w).ascii(Frames.PAYLOAD);

    // 40 + 8 + 8 + 24 + 24 = 104, plus the 20-byte TCP header.
    assertThat(Decoded.decode(RAW, w.toArray())).isEqualTo(Decoded.tcp6(124, 8, 8));
  }

  @Test
  void passesThroughAnAtomicFragment() {
    ByteWriter w = Frames.ipv6(new ByteWriter(), 8 + 28, 44); // next: Fragment
    w.u8(6) // next header: TCP
        .u8(0) // reserved
        .u16(0) // fragment offset 0, M = 0: atomic (RFC 6946)
        .u32(0xCAFE); // identification
    Frames.tcp(w).ascii(Frames.PAYLOAD);

    assertThat(Decoded.decode(RAW, w.toArray())).isEqualTo(Decoded.tcp6(68, 8, 8));
  }

  @Test
  void reportsAFirstFragment() {
    ByteWriter w = Frames.ipv6(new ByteWriter(), 8 + 28, 44);
    w.u8(6).u8(0).u16(0x0001).u32(0xCAFE); // offset 0, M = 1
    Frames.tcp(w).ascii(Frames.PAYLOAD);

    assertThat(Decoded.decode(RAW, w.toArray()))
        .isEqualTo(Decoded.ip6Only(DecodeStatus.FRAGMENT, ""));
  }

  @Test
  void reportsALaterFragment() {
    ByteWriter w = Frames.ipv6(new ByteWriter(), 8 + 8, 44);
    w.u8(6).u8(0).u16(0x00B8).u32(0xCAFE).zeros(8); // offset 23 * 8, M = 0

    assertThat(Decoded.decode(RAW, w.toArray()))
        .isEqualTo(Decoded.ip6Only(DecodeStatus.FRAGMENT, ""));
  }

  @Test
  void reportsNoNextHeaderAsNotTcp() {
    byte[] empty = Frames.ipv6(new ByteWriter(), 0, 59).toArray(); // payload length 0 is fine
    byte[] afterOptions = options8(Frames.ipv6(new ByteWriter(), 8, 60), 59).toArray();

    assertThat(Decoded.decode(RAW, empty)).isEqualTo(Decoded.ip6Only(DecodeStatus.NOT_TCP, ""));
    assertThat(Decoded.decode(RAW, afterOptions))
        .isEqualTo(Decoded.ip6Only(DecodeStatus.NOT_TCP, ""));
  }

  @Test
  void reportsIcmpv6AsNotTcp() {
    byte[] packet = Frames.ipv6(new ByteWriter(), 8, 58).u8(128).u8(0).u16(0).u32(1).toArray();

    assertThat(Decoded.decode(RAW, packet)).isEqualTo(Decoded.ip6Only(DecodeStatus.NOT_TCP, ""));
  }

  @Test
  void reportsTooManyExtensionHeaders() {
    ByteWriter w = Frames.ipv6(new ByteWriter(), 9 * 8 + 28, 60);
    for (int i = 0; i < 9; i++) {
      options8(w, i < 8 ? 60 : 6); // nine Destination Options headers
    }
    Frames.tcp(w).ascii(Frames.PAYLOAD);

    assertThat(Decoded.decode(RAW, w.toArray()))
        .isEqualTo(
            Decoded.ip6Only(
                DecodeStatus.MALFORMED, "more than 8 IPv6 extension headers (expected: <= 8)"));
  }

  @Test
  void reportsAnExtensionHeaderLongerThanThePayload() {
    ByteWriter w = Frames.ipv6(new ByteWriter(), 16, 0); // payload length 16
    w.u8(6) // Hop-by-Hop: next header TCP
        .u8(3) // hdr ext len 3 -> 32 bytes
        .zeros(30);

    assertThat(Decoded.decode(RAW, w.toArray()))
        .isEqualTo(
            Decoded.ip6Only(
                DecodeStatus.MALFORMED,
                "IPv6 extension header 0 claims 32 bytes (expected: <= 16, the bytes left in the"
                    + " payload)"));
  }

  @Test
  void reportsAPayloadTooShortForAnyExtensionHeader() {
    byte[] packet = Frames.ipv6(new ByteWriter(), 4, 60).zeros(4).toArray();

    assertThat(Decoded.decode(RAW, packet))
        .isEqualTo(
            Decoded.ip6Only(
                DecodeStatus.MALFORMED,
                "IPv6 payload has 4 bytes left for extension header 60 (expected: 8+)"));
  }

  @Test
  void reportsAnExtensionHeaderCutByTheCapture() {
    ByteWriter w = Frames.ipv6(new ByteWriter(), 16 + 28, 0);
    w.u8(6) // Hop-by-Hop: next header TCP
        .u8(1) // hdr ext len 1 -> 16 bytes
        .zeros(14);
    Frames.tcp(w).ascii(Frames.PAYLOAD);
    byte[] whole = w.toArray();

    assertThat(Decoded.decode(RAW, Arrays.copyOf(whole, 40 + 4)))
        .isEqualTo(
            Decoded.ip6Only(
                DecodeStatus.MALFORMED,
                "truncated IPv6 extension header 0: 4 bytes (expected: 8+)"));
    assertThat(Decoded.decode(RAW, Arrays.copyOf(whole, 40 + 12)))
        .isEqualTo(
            Decoded.ip6Only(
                DecodeStatus.MALFORMED,
                "truncated IPv6 extension header 0: 12 bytes (expected: 16)"));
  }

  @Test
  void reportsAJumbogram() {
    ByteWriter w = Frames.ipv6(new ByteWriter(), 0, 0); // payload length 0, Hop-by-Hop
    w.u8(6) // next header TCP
        .u8(0) // hdr ext len 0
        .bytes(0xC2, 4) // Jumbo Payload option (RFC 2675), 4 bytes
        .u32(70_000); // jumbo payload length

    assertThat(Decoded.decode(RAW, w.toArray()))
        .isEqualTo(
            Decoded.noIp(
                DecodeStatus.MALFORMED,
                "IPv6 payload length 0 before next header 0 (jumbogram or segmentation offload;"
                    + " expected: 1+)"));
  }

  @Test
  void reportsATruncatedHeader() {
    assertThat(Decoded.decode(229, Arrays.copyOf(Frames.ipv6Tcp(), 30)))
        .isEqualTo(
            Decoded.noIp(DecodeStatus.MALFORMED, "truncated IPv6 header: 30 bytes (expected: 40)"));
  }

  @Test
  void trimsBytesAfterThePayloadLength() {
    byte[] frame =
        Frames.ethernet(new ByteWriter(), 0x86DD)
            .bytes(Frames.ipv6Tcp())
            .u32(0xDEADBEEFL) // FCS
            .toArray();

    assertThat(Decoded.decode(1, frame)).isEqualTo(Decoded.tcp6(74, 8, 8));
  }

  @Test
  void reportsAPayloadCutBySnapLength() {
    assertThat(Decoded.decode(RAW, Arrays.copyOf(Frames.ipv6Tcp(), 61)))
        .isEqualTo(Decoded.tcp6(60, 1, 8));
  }

  @Test
  void trimsAPayloadLengthLongerThanTheFrameOnTheWire() {
    ByteWriter w = Frames.ipv6(new ByteWriter(), 1000, 6); // claims 1000 bytes of payload
    Frames.tcp(w).ascii(Frames.PAYLOAD); // 28 are there, and the wire had no more
    byte[] packet = w.toArray();

    assertThat(Decoded.decodeWithWireLength(RAW, packet, packet.length))
        .isEqualTo(
            Decoded.tcp6(60, 8, 8)
                .withAnomaly(
                    "IPv6 payload length 1000 exceeds the packet on the wire (expected: <= 28);"
                        + " trimmed"));
  }
}
