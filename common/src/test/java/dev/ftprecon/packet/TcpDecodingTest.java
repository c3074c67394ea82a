package dev.ftprecon.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TcpDecodingTest {
  private static final int RAW = 101;

  @ParameterizedTest
  @ValueSource(
      ints = {
        TcpSegment.FIN,
        TcpSegment.SYN,
        TcpSegment.RST,
        TcpSegment.PSH,
        TcpSegment.ACK,
        TcpSegment.URG,
        TcpSegment.ECE,
        TcpSegment.CWR,
        0xC2, // SYN|ECE|CWR: an ECN-setup SYN (RFC 3168 6.1.1)
        0xFF
      })
  void readsTheControlBits(int flags) {
    ByteWriter w = Frames.ipv4(new ByteWriter(), 40, 0, 6);
    Frames.tcp(w, 7, 9, flags);

    assertThat(Decoded.decode(RAW, w.toArray()).flags()).isEqualTo(flags);
  }

  @Test
  void readsSequenceNumbersAsUnsigned() {
    ByteWriter w = Frames.ipv4(new ByteWriter(), 40, 0, 6);
    Frames.tcp(w, 0xFFFF_FFFFL, 0x8000_0000L, TcpSegment.ACK);

    Decoded decoded = Decoded.decode(RAW, w.toArray());

    assertThat(decoded.seq()).isEqualTo(4_294_967_295L);
    assertThat(decoded.ack()).isEqualTo(2_147_483_648L);
  }

  @Test
  void skipsTcpOptions() {
    ByteWriter w = Frames.ipv4(new ByteWriter(), 20 + 32 + 8, 0, 6);
    w.u16(40000) // source port
        .u16(21) // destination port
        .u32(0x01020304L) // sequence number
        .u32(0xFFFF_FFFEL) // acknowledgment number
        .u8(0x80) // data offset 8: 32-byte header
        .u8(0x18) // PSH|ACK
        .u16(502) // window
        .u16(0) // checksum
        .u16(0) // urgent pointer
        .bytes(2, 4, 0x05, 0xB4) // MSS 1460
        .bytes(4, 2) // SACK permitted
        .bytes(1, 1) // NOP, NOP
        .bytes(3, 3, 7, 0); // window scale 7, end of options
    w.ascii(Frames.PAYLOAD);

    assertThat(Decoded.decode(RAW, w.toArray())).isEqualTo(Decoded.tcp4(52, 8, 8));
  }

  @Test
  void reportsASegmentShorterThanATcpHeader() {
    ByteWriter w = Frames.ipv4(new ByteWriter(), 32, 0, 6); // 12 bytes for TCP
    Frames.tcp(w);

    assertThat(Decoded.decode(RAW, w.toArray()))
        .isEqualTo(
            Decoded.ip4Only(
                DecodeStatus.MALFORMED,
                "TCP segment of 12 bytes is shorter than a TCP header (expected: 20+)"));
  }

  @Test
  void reportsATcpHeaderCutBeforeItsFlags() {
    byte[] packet = Arrays.copyOf(Frames.ipv4Tcp(), 20 + 13); // up to the data offset byte

    assertThat(Decoded.decode(RAW, packet))
        .isEqualTo(
            Decoded.ip4Only(
                DecodeStatus.MALFORMED,
                "truncated TCP header: 13 bytes (expected: 14+ for ports, numbers and flags)"));
  }

  @Test
  void keepsASegmentWhoseHeaderTheCaptureCutAfterTheFlags() {
    byte[] packet = Arrays.copyOf(Frames.ipv4Tcp(), 20 + 14); // window and beyond missing

    assertThat(Decoded.decode(RAW, packet))
        .isEqualTo(
            new Decoded(
                DecodeStatus.TCP,
                "TCP header cut by the capture: 14 of 20 bytes present",
                4,
                "192.0.2.1",
                "198.51.100.2",
                40000,
                21,
                0x01020304L,
                0xFFFF_FFFEL,
                0x18,
                0, // window not captured
                40, // where the payload would start
                0,
                8,
                true));
  }

  @Test
  void reportsADataOffsetBelowFive() {
    byte[] packet = Frames.ipv4Tcp();
    packet[20 + 12] = 0x40; // data offset 4

    assertThat(Decoded.decode(RAW, packet))
        .isEqualTo(Decoded.ip4Only(DecodeStatus.MALFORMED, "bad TCP data offset 4 (expected: 5+)"));
  }

  @Test
  void reportsAHeaderLongerThanItsSegment() {
    byte[] packet = Frames.ipv4Tcp();
    packet[20 + 12] = (byte) 0xF0; // data offset 15: 60 bytes, segment is 28

    assertThat(Decoded.decode(RAW, packet))
        .isEqualTo(
            Decoded.ip4Only(
                DecodeStatus.MALFORMED,
                "TCP header of 60 bytes exceeds its segment (expected: <= 28)"));
  }

  @Test
  void keepsASegmentWhoseOptionsTheCaptureCut() {
    ByteWriter w = Frames.ipv4(new ByteWriter(), 20 + 32 + 8, 0, 6);
    Frames.tcp(w).zeros(12).ascii(Frames.PAYLOAD); // 32 bytes of TCP header, 8 of payload
    byte[] packet = Arrays.copyOf(w.toArray(), 20 + 28); // 28 of the 32 header bytes
    packet[20 + 12] = (byte) 0x80; // data offset 8

    assertThat(Decoded.decode(RAW, packet))
        .isEqualTo(
            new Decoded(
                DecodeStatus.TCP,
                "TCP header cut by the capture: 28 of 32 bytes present",
                4,
                "192.0.2.1",
                "198.51.100.2",
                40000,
                21,
                0x01020304L,
                0xFFFF_FFFEL,
                0x18,
                502,
                52, // 20 + 32, past the 48 captured bytes
                0,
                8,
                true));
  }
}
