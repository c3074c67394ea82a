package dev.ftprecon.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Ipv4DecodingTest {
  private static final int RAW = 101;
  private static final int ETHERNET = 1;

  @Test
  void skipsIpv4Options() {
    ByteWriter w =
        new ByteWriter()
            .u8(0x46) // version 4, IHL 6: 24-byte header
            .u8(0) // DSCP/ECN
            .u16(24 + 20 + 8) // total length
            .u16(1) // identification
            .u16(0) // flags, fragment offset
            .u8(64) // TTL
            .u8(6) // protocol: TCP
            .u16(0) // checksum
            .bytes(Frames.SRC4) // source
            .bytes(Frames.DST4) // destination
            .bytes(0x94, 0x04, 0x00, 0x00); // option: Router Alert (RFC 2113), 4 bytes
    Frames.tcp(w).ascii(Frames.PAYLOAD);

    assertThat(Decoded.decode(RAW, w.toArray())).isEqualTo(Decoded.tcp4(44, 8, 8));
  }

  @Test
  void skipsTheLargestIpv4Header() {
    ByteWriter w =
        new ByteWriter()
            .u8(0x4F) // version 4, IHL 15: 60-byte header
            .u8(0) // DSCP/ECN
            .u16(60 + 20 + 8) // total length
            .u16(1) // identification
            .u16(0) // flags, fragment offset
            .u8(64) // TTL
            .u8(6) // protocol: TCP
            .u16(0) // checksum
            .bytes(Frames.SRC4) // source
            .bytes(Frames.DST4) // destination
            .bytes(new byte[40]); // 40 bytes of options: End of Option List
    Frames.tcp(w).ascii(Frames.PAYLOAD);

    assertThat(Decoded.decode(RAW, w.toArray())).isEqualTo(Decoded.tcp4(80, 8, 8));
  }

  @Test
  void takesThePayloadFromTheTotalLengthNotFromEthernetPadding() {
    // 14 + 20 + 20 + 2 = 56 bytes, padded by the sender to the 60-byte Ethernet minimum.
    ByteWriter w = Frames.ethernet(new ByteWriter(), 0x0800);
    Frames.ipv4(w, 20 + 20 + 2, 0, 6); // total length 42
    Frames.tcp(w).ascii("OK").zeros(4); // 2 payload bytes, 4 padding bytes
    byte[] frame = w.toArray();
    assertThat(frame).hasSize(60);

    assertThat(Decoded.decode(ETHERNET, frame)).isEqualTo(Decoded.tcp4(54, 2, 2));
  }

  @Test
  void reportsNoPayloadForAPaddedBareAck() {
    ByteWriter w = Frames.ethernet(new ByteWriter(), 0x0800);
    Frames.ipv4(w, 40, 0, 6); // total length 40: headers only
    Frames.tcp(w).zeros(6); // 6 bytes of Ethernet padding up to 60

    assertThat(Decoded.decode(ETHERNET, w.toArray())).isEqualTo(Decoded.tcp4(54, 0, 0));
  }

  @Test
  void ignoresATrailingFrameCheckSequence() {
    ByteWriter w = Frames.ethernet(new ByteWriter(), 0x0800);
    Frames.ipv4(w, 20 + 20 + 8, 0, 6);
    Frames.tcp(w).ascii(Frames.PAYLOAD).u32(0xDEADBEEFL); // 4-byte FCS after the packet

    assertThat(Decoded.decode(ETHERNET, w.toArray())).isEqualTo(Decoded.tcp4(54, 8, 8));
  }

  @Test
  void reportsAPayloadCutBySnapLength() {
    byte[] frame = Arrays.copyOf(Frames.ethernetIpv4Tcp(), 54 + 3); // 3 of the 8 payload bytes

    Decoded decoded = Decoded.decode(ETHERNET, frame);

    assertThat(decoded).isEqualTo(Decoded.tcp4(54, 3, 8));
    assertThat(decoded.truncated()).isTrue();
  }

  @Test
  void takesTheCapturedBytesWhenTheTotalLengthIsZero() {
    ByteWriter w = Frames.ipv4(new ByteWriter(), 0, 0, 6); // total length 0: offloaded segment
    Frames.tcp(w).ascii(Frames.PAYLOAD);

    assertThat(Decoded.decode(RAW, w.toArray())).isEqualTo(Decoded.tcp4(40, 8, 8));
  }

  @Test
  void reportsAFirstFragment() {
    ByteWriter w = Frames.ipv4(new ByteWriter(), 48, 0x2000, 6); // MF set, offset 0
    Frames.tcp(w).ascii(Frames.PAYLOAD);

    assertThat(Decoded.decode(RAW, w.toArray()))
        .isEqualTo(Decoded.ip4Only(DecodeStatus.FRAGMENT, ""));
  }

  @Test
  void reportsALastFragment() {
    ByteWriter w = Frames.ipv4(new ByteWriter(), 28, 0x00B9, 6); // MF clear, offset 185 * 8
    w.zeros(8);

    assertThat(Decoded.decode(RAW, w.toArray()))
        .isEqualTo(Decoded.ip4Only(DecodeStatus.FRAGMENT, ""));
  }

  @Test
  void reportsUdpAsNotTcp() {
    ByteWriter w = Frames.ipv4(new ByteWriter(), 28, 0, 17); // protocol UDP
    w.u16(53).u16(53).u16(8).u16(0); // UDP header

    assertThat(Decoded.decode(RAW, w.toArray()))
        .isEqualTo(Decoded.ip4Only(DecodeStatus.NOT_TCP, ""));
  }

  @Test
  void decodesIpv6TunnelledInIpv4() {
    ByteWriter w = Frames.ethernet(new ByteWriter(), 0x0800);
    Frames.ipv4(w, 20 + 68, 0, 41); // protocol 41: IPv6 (RFC 4213)
    w.bytes(Frames.ipv6Tcp()); // inner IPv6 + TCP, 68 bytes

    assertThat(Decoded.decode(ETHERNET, w.toArray())).isEqualTo(Decoded.tcp6(94, 8, 8));
  }

  @Test
  void decodesIpv4TunnelledInIpv4() {
    ByteWriter w = Frames.ipv4(new ByteWriter(), 20 + 48, 0, 4); // protocol 4: IPv4 (RFC 2003)
    w.bytes(Frames.ipv4Tcp());

    assertThat(Decoded.decode(RAW, w.toArray())).isEqualTo(Decoded.tcp4(60, 8, 8));
  }

  @Test
  void reportsATruncatedHeader() {
    assertThat(Decoded.decode(RAW, Arrays.copyOf(Frames.ipv4Tcp(), 14)))
        .isEqualTo(
            Decoded.noIp(
                DecodeStatus.MALFORMED, "truncated IPv4 header: 14 bytes (expected: 20+)"));
  }

  @Test
  void reportsAnIhlBelowFive() {
    byte[] packet = Frames.ipv4Tcp();
    packet[0] = 0x44; // version 4, IHL 4

    assertThat(Decoded.decode(RAW, packet))
        .isEqualTo(
            Decoded.noIp(DecodeStatus.MALFORMED, "bad IPv4 header length: IHL 4 (expected: 5+)"));
  }

  @Test
  void reportsOptionsCutShort() {
    byte[] packet = Arrays.copyOf(Frames.ipv4Tcp(), 22);
    packet[0] = 0x46; // IHL 6: 24-byte header, 22 bytes captured

    assertThat(Decoded.decode(RAW, packet))
        .isEqualTo(
            Decoded.noIp(
                DecodeStatus.MALFORMED,
                "truncated IPv4 header: 22 bytes (expected: 24 per IHL 6)"));
  }

  @Test
  void reportsATotalLengthShorterThanTheHeader() {
    ByteWriter w = Frames.ipv4(new ByteWriter(), 16, 0, 6); // total length 16 < 20
    Frames.tcp(w);

    assertThat(Decoded.decode(RAW, w.toArray()))
        .isEqualTo(
            Decoded.noIp(
                DecodeStatus.MALFORMED,
                "IPv4 total length 16 is shorter than its header (expected: >= 20)"));
  }

  @Test
  void reportsAnIpv6PacketUnderTheIpv4EtherType() {
    byte[] frame = Frames.ethernet(new ByteWriter(), 0x0800).bytes(Frames.ipv6Tcp()).toArray();

    assertThat(Decoded.decode(ETHERNET, frame))
        .isEqualTo(
            Decoded.noIp(DecodeStatus.MALFORMED, "IPv4 header with IP version 6 (expected: 4)"));
  }

  @Test
  void reportsATunnelledPacketLongerThanItsCarrier() {
    ByteWriter w = Frames.ipv4(new ByteWriter(), 20 + 48, 0, 4); // carries 48 bytes
    Frames.ipv4(w, 100, 0, 6); // inner packet claims 100
    Frames.tcp(w).ascii(Frames.PAYLOAD);

    assertThat(Decoded.decode(RAW, w.toArray()))
        .isEqualTo(
            Decoded.ip4Only(
                DecodeStatus.MALFORMED,
                "IPv4 total length 100 exceeds the enclosing packet (expected: <= 48)"));
  }

  @Test
  void reportsATunnelledIpv6PacketLongerThanItsCarrier() {
    ByteWriter w = Frames.ipv4(new ByteWriter(), 20 + 68, 0, 41); // carries 68 bytes
    Frames.ipv6(w, 60, 6); // inner payload length 60: 100 bytes with its header
    Frames.tcp(w).ascii(Frames.PAYLOAD);

    assertThat(Decoded.decode(RAW, w.toArray()))
        .isEqualTo(
            Decoded.ip4Only(
                DecodeStatus.MALFORMED,
                "IPv6 payload length 60 exceeds the enclosing packet (expected: <= 28)"));
  }

  @Test
  void reportsTooManyNestedIpHeaders() {
    ByteWriter w = new ByteWriter();
    for (int i = 4; i >= 0; i--) {
      Frames.ipv4(w, 20 * (i + 1), 0, 4); // five IPv4 headers, each carrying the next
    }

    assertThat(Decoded.decode(RAW, w.toArray()))
        .isEqualTo(
            Decoded.ip4Only(
                DecodeStatus.MALFORMED, "more than 4 nested IP headers (expected: <= 4)"));
  }

  @Test
  void trimsATotalLengthLongerThanTheFrameOnTheWire() {
    ByteWriter w = Frames.ethernet(new ByteWriter(), 0x0800);
    Frames.ipv4(w, 1500, 0, 6); // claims 1500 bytes
    Frames.tcp(w).ascii(Frames.PAYLOAD); // but the frame is 62 bytes, fully captured
    byte[] frame = w.toArray();

    assertThat(Decoded.decodeWithWireLength(ETHERNET, frame, 62))
        .isEqualTo(
            Decoded.tcp4(54, 8, 8)
                .withAnomaly(
                    "IPv4 total length 1500 exceeds the packet on the wire (expected: <= 48);"
                        + " trimmed"));
  }

  @Test
  void trustsTheTotalLengthOfAFrameCutBySnapLength() {
    byte[] whole = Frames.ethernetIpv4Tcp();
    byte[] cut = Arrays.copyOf(whole, 56); // the capture kept 56 of the 62 bytes on the wire

    assertThat(Decoded.decodeWithWireLength(ETHERNET, cut, whole.length))
        .isEqualTo(Decoded.tcp4(54, 2, 8));
  }
}
