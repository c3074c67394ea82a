package dev.ftprecon.packet;

import static dev.ftprecon.packet.Frames.PAYLOAD;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkLayerTest {

  private static byte[] concat(ByteWriter header, byte[] packet) {
    return header.bytes(packet).toArray();
  }

  @Test
  void decodesEthernet() {
    assertThat(Decoded.decode(1, Frames.ethernetIpv4Tcp())).isEqualTo(Decoded.tcp4(54, 8, 8));
  }

  @Test
  void decodesEthernetWithIpv6() {
    byte[] frame = concat(Frames.ethernet(new ByteWriter(), 0x86DD), Frames.ipv6Tcp());

    assertThat(Decoded.decode(1, frame)).isEqualTo(Decoded.tcp6(74, 8, 8));
  }

  @Test
  void decodesASingleVlanTag() {
    ByteWriter w = Frames.ethernet(new ByteWriter(), 0x8100); // 802.1Q
    w.u16(0x0064) // TCI: priority 0, VLAN 100
        .u16(0x0800); // inner EtherType: IPv4

    assertThat(Decoded.decode(1, concat(w, Frames.ipv4Tcp()))).isEqualTo(Decoded.tcp4(58, 8, 8));
  }

  @Test
  void decodesStackedQinQTags() {
    ByteWriter w = Frames.ethernet(new ByteWriter(), 0x88A8); // 802.1ad service tag
    w.u16(0x00C8) // TCI: VLAN 200
        .u16(0x8100) // next: 802.1Q customer tag
        .u16(0x0064) // TCI: VLAN 100
        .u16(0x86DD); // inner EtherType: IPv6

    assertThat(Decoded.decode(1, concat(w, Frames.ipv6Tcp()))).isEqualTo(Decoded.tcp6(82, 8, 8));
  }

  @Test
  void decodesTheLegacyQinQTag() {
    ByteWriter w = Frames.ethernet(new ByteWriter(), 0x9100);
    w.u16(0x0001) // TCI: VLAN 1
        .u16(0x0800); // inner EtherType: IPv4

    assertThat(Decoded.decode(1, concat(w, Frames.ipv4Tcp()))).isEqualTo(Decoded.tcp4(58, 8, 8));
  }

  @Test
  void decodesLinuxCookedCapture() {
    ByteWriter w =
        new ByteWriter()
            .u16(0) // packet type: to us
            .u16(1) // ARPHRD_ETHER
            .u16(6) // link-layer address length
            .bytes(0x02, 0, 0, 0, 0, 0x01, 0, 0) // address, padded to 8
            .u16(0x0800); // protocol: IPv4

    assertThat(Decoded.decode(113, concat(w, Frames.ipv4Tcp()))).isEqualTo(Decoded.tcp4(56, 8, 8));
  }

  @Test
  void decodesLinuxCookedCaptureVersion2() {
    ByteWriter w =
        new ByteWriter()
            .u16(0x86DD) // protocol: IPv6
            .u16(0) // reserved
            .u32(3) // interface index
            .u16(1) // ARPHRD_ETHER
            .u8(4) // packet type: outgoing
            .u8(6) // link-layer address length
            .bytes(0x02, 0, 0, 0, 0, 0x01, 0, 0); // address, padded to 8

    assertThat(Decoded.decode(276, concat(w, Frames.ipv6Tcp()))).isEqualTo(Decoded.tcp6(80, 8, 8));
  }

  @ParameterizedTest
  @ValueSource(ints = {101, 12, 14})
  void decodesRawIpOfEitherVersion(int linkType) {
    assertThat(Decoded.decode(linkType, Frames.ipv4Tcp())).isEqualTo(Decoded.tcp4(40, 8, 8));
    assertThat(Decoded.decode(linkType, Frames.ipv6Tcp())).isEqualTo(Decoded.tcp6(60, 8, 8));
  }

  @Test
  void decodesTheVersionSpecificRawLinkTypes() {
    assertThat(Decoded.decode(228, Frames.ipv4Tcp())).isEqualTo(Decoded.tcp4(40, 8, 8));
    assertThat(Decoded.decode(229, Frames.ipv6Tcp())).isEqualTo(Decoded.tcp6(60, 8, 8));
  }

  @Test
  void rejectsAnIpv4PacketOnTheIpv6LinkType() {
    assertThat(Decoded.decode(229, Frames.ipv4Tcp()))
        .isEqualTo(
            Decoded.noIp(DecodeStatus.MALFORMED, "IPv6 header with IP version 4 (expected: 6)"));
  }

  @Test
  void decodesBsdLoopbackInEitherHostByteOrder() {
    byte[] little = concat(new ByteWriter().u32le(2), Frames.ipv4Tcp()); // AF_INET, x86 host
    byte[] big = concat(new ByteWriter().u32(2), Frames.ipv4Tcp()); // AF_INET, SPARC host

    assertThat(Decoded.decode(0, little)).isEqualTo(Decoded.tcp4(44, 8, 8));
    assertThat(Decoded.decode(0, big)).isEqualTo(Decoded.tcp4(44, 8, 8));
  }

  @ParameterizedTest
  @ValueSource(ints = {10, 24, 28, 30})
  void decodesEveryPlatformsIpv6AddressFamilyOnBsdLoopback(int family) {
    byte[] little = concat(new ByteWriter().u32le(family), Frames.ipv6Tcp());
    byte[] big = concat(new ByteWriter().u32(family), Frames.ipv6Tcp());

    assertThat(Decoded.decode(0, little)).isEqualTo(Decoded.tcp6(64, 8, 8));
    assertThat(Decoded.decode(0, big)).isEqualTo(Decoded.tcp6(64, 8, 8));
  }

  @Test
  void decodesOpenBsdLoopbackInNetworkByteOrder() {
    assertThat(Decoded.decode(108, concat(new ByteWriter().u32(2), Frames.ipv4Tcp())))
        .isEqualTo(Decoded.tcp4(44, 8, 8));
    assertThat(Decoded.decode(108, concat(new ByteWriter().u32(24), Frames.ipv6Tcp())))
        .isEqualTo(Decoded.tcp6(64, 8, 8));
  }

  @Test
  void reportsOtherAddressFamiliesAsNotIp() {
    byte[] frame = concat(new ByteWriter().u32le(7), Frames.ipv4Tcp()); // AF_OSI

    assertThat(Decoded.decode(0, frame)).isEqualTo(Decoded.noIp(DecodeStatus.NOT_IP, ""));
  }

  @Test
  void reportsArpAndLlcFramesAsNotIp() {
    byte[] arp = Frames.ethernet(new ByteWriter(), 0x0806).zeros(28).toArray();
    byte[] llc = Frames.ethernet(new ByteWriter(), 38).bytes(0x42, 0x42, 0x03).zeros(35).toArray();

    assertThat(Decoded.decode(1, arp)).isEqualTo(Decoded.noIp(DecodeStatus.NOT_IP, ""));
    assertThat(Decoded.decode(1, llc)).isEqualTo(Decoded.noIp(DecodeStatus.NOT_IP, ""));
  }

  @Test
  void reportsAnUnsupportedLinkType() {
    assertThat(Decoded.decode(105, Frames.ipv4Tcp())) // IEEE 802.11
        .isEqualTo(
            Decoded.noIp(
                DecodeStatus.UNSUPPORTED_LINK_TYPE,
                "unsupported link type 105 (expected: one of 0, 1, 12, 14, 101, 108, 113, 228,"
                    + " 229, 276)"));
  }

  @Test
  void reportsATruncatedEthernetHeader() {
    assertThat(Decoded.decode(1, new byte[10]))
        .isEqualTo(
            Decoded.noIp(
                DecodeStatus.MALFORMED, "truncated Ethernet header: 10 bytes (expected: 14)"));
  }

  @Test
  void reportsATruncatedVlanTag() {
    byte[] frame = Frames.ethernet(new ByteWriter(), 0x8100).u16(0x0064).toArray(); // TCI only

    assertThat(Decoded.decode(1, frame))
        .isEqualTo(
            Decoded.noIp(DecodeStatus.MALFORMED, "truncated VLAN tag: 2 bytes (expected: 4)"));
  }

  @Test
  void reportsTooManyStackedVlanTags() {
    ByteWriter w = Frames.ethernet(new ByteWriter(), 0x8100);
    for (int i = 0; i < 9; i++) {
      w.u16(i).u16(0x8100); // TCI, next EtherType: another tag
    }

    assertThat(Decoded.decode(1, concat(w, Frames.ipv4Tcp())))
        .isEqualTo(
            Decoded.noIp(DecodeStatus.MALFORMED, "more than 8 stacked VLAN tags (expected: <= 8)"));
  }

  @Test
  void reportsTruncatedCookedAndLoopbackHeaders() {
    assertThat(Decoded.decode(113, new byte[15]))
        .isEqualTo(
            Decoded.noIp(
                DecodeStatus.MALFORMED, "truncated Linux cooked header: 15 bytes (expected: 16)"));
    assertThat(Decoded.decode(276, new byte[19]))
        .isEqualTo(
            Decoded.noIp(
                DecodeStatus.MALFORMED,
                "truncated Linux cooked v2 header: 19 bytes (expected: 20)"));
    assertThat(Decoded.decode(0, new byte[3]))
        .isEqualTo(
            Decoded.noIp(
                DecodeStatus.MALFORMED, "truncated loopback header: 3 bytes (expected: 4)"));
  }

  @Test
  void reportsAnEmptyRawPacketAsATruncatedIpv4Header() {
    assertThat(Decoded.decode(101, new byte[0]))
        .isEqualTo(
            Decoded.noIp(DecodeStatus.MALFORMED, "truncated IPv4 header: 0 bytes (expected: 20+)"));
  }

  @Test
  void measuresThePayloadOffsetFromTheFrameStartWithinALargerBuffer() {
    byte[] frame = Frames.ethernetIpv4Tcp();
    byte[] buffer = new byte[7 + frame.length + 5];
    System.arraycopy(frame, 0, buffer, 7, frame.length);

    assertThat(Decoded.decode(1, buffer, 7, frame.length)).isEqualTo(Decoded.tcp4(54, 8, 8));
    assertThat(new String(buffer, 7 + 54, 8, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo(PAYLOAD);
  }

  @Test
  void clearsTheSegmentBetweenFrames() {
    PacketDecoder decoder = new PacketDecoder();
    TcpSegment segment = new TcpSegment();
    byte[] frame = Frames.ethernetIpv4Tcp();
    byte[] arp = Frames.ethernet(new ByteWriter(), 0x0806).zeros(28).toArray();

    decoder.decode(1, frame, 0, frame.length, segment);
    DecodeStatus status = decoder.decode(1, arp, 0, arp.length, segment);

    assertThat(Decoded.of(status, decoder, segment))
        .isEqualTo(Decoded.noIp(DecodeStatus.NOT_IP, ""));
  }
}
