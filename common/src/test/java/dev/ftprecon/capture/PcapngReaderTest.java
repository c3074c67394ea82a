package dev.ftprecon.capture;

import static dev.ftprecon.capture.PcapngBlocks.enhancedPacket;
import static dev.ftprecon.capture.PcapngBlocks.interfaceDescription;
import static dev.ftprecon.capture.PcapngBlocks.sectionHeader;
import static dev.ftprecon.capture.PcapngBlocks.simplePacket;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PcapngReaderTest {
  /** 2023-11-14T22:13:20.123456789Z in nanoseconds. */
  private static final long NANOS_TICKS = 1_700_000_000_123_456_789L;

  /** SHB (0..28), IDB with if_tsresol (28..60), EPB (60..96), SPB (96..120). */
  private static byte[] sectionWithEnhancedAndSimplePacket(ByteWriter w) {
    sectionHeader(w); // offset 0, 28 bytes
    interfaceDescription(w, 1, 4, 9); // offset 28, 32 bytes; Ethernet, snaplen 4, 10^-9 s
    enhancedPacket(w, 0, NANOS_TICKS, 60, 0xAA, 0xBB, 0xCC); // offset 60, 36 bytes, data at 88
    simplePacket(w, 6, 1, 2, 3, 4, 5, 6); // offset 96, 24 bytes, data at 108
    return w.toArray();
  }

  @Test
  void readsLittleEndianSectionWithEnhancedAndSimplePackets() throws Exception {
    Seen.Read read = Seen.readAll(sectionWithEnhancedAndSimplePacket(ByteWriter.littleEndian()));

    assertThat(read.format()).isEqualTo(CaptureFormat.PCAPNG);
    // The SPB has no timestamp and is cut to the interface's snaplen (4) although the block
    // carries 6 bytes of its 6-byte original packet.
    assertThat(read.records())
        .containsExactly(
            new Seen(60, 88, 1, 0, NANOS_TICKS, 60, "aabbcc"),
            new Seen(96, 108, 1, 0, 0, 6, "01020304"));
    assertThat(read.damage()).isEmpty();
    assertThat(read.recordCount()).isEqualTo(2);
    assertThat(read.linkTypes()).containsExactly(1);
  }

  @Test
  void readsBigEndianSectionWithEnhancedAndSimplePackets() throws Exception {
    Seen.Read read = Seen.readAll(sectionWithEnhancedAndSimplePacket(ByteWriter.bigEndian()));

    assertThat(read.records())
        .containsExactly(
            new Seen(60, 88, 1, 0, NANOS_TICKS, 60, "aabbcc"),
            new Seen(96, 108, 1, 0, 0, 6, "01020304"));
    assertThat(read.damage()).isEmpty();
  }

  @Test
  void limitsASimplePacketToTheRoomInItsBlock() throws Exception {
    ByteWriter w = ByteWriter.littleEndian();
    sectionHeader(w); // offset 0
    interfaceDescription(w, 1, 0); // offset 28, 20 bytes; snaplen 0 means no limit
    simplePacket(w, 1514, 0x10, 0x20); // offset 48, 20 bytes: 2 of 1514 bytes, 2 padding

    Seen.Read read = Seen.readAll(w.toArray());

    // Section 4.4: captured = min(original length, block room); the room is 4 (data + padding).
    assertThat(read.records()).containsExactly(new Seen(48, 60, 1, 0, 0, 1514, "10200000"));
  }

  @Test
  void convertsBinaryTimestampResolution() throws Exception {
    ByteWriter w = ByteWriter.bigEndian();
    sectionHeader(w); // offset 0
    interfaceDescription(w, 1, 65535, 0x80 | 20); // offset 28: 2^-20 s units
    // 1_782_579_200_524_288 = 1_700_000_000 * 2^20 + 2^19, i.e. 1_700_000_000.5 s
    enhancedPacket(w, 0, 1_782_579_200_524_288L, 1, 0x01); // offset 60, data at 88

    Seen.Read read = Seen.readAll(w.toArray());

    assertThat(read.records())
        .containsExactly(new Seen(60, 88, 1, 0, 1_700_000_000_500_000_000L, 1, "01"));
  }

  @Test
  void defaultsToMicrosecondsAndAppliesTheTimestampOffset() throws Exception {
    ByteWriter w = ByteWriter.littleEndian();
    sectionHeader(w); // offset 0
    w.u32(1) // offset 28: block type IDB
        .u32(36) // block total length: 20 + 12 (if_tsoffset) + 4 (opt_endofopt)
        .u16(1) // link type: Ethernet
        .u16(0) // reserved
        .u32(0) // snaplen
        .u16(14) // option code: if_tsoffset
        .u16(8) // option length
        .u64(3600) // option value: one hour
        .u16(0) // opt_endofopt
        .u16(0) // length 0
        .u32(36); // block total length
    enhancedPacket(w, 0, 1_500_000, 1, 0x01); // offset 64, data at 92; 1.5 s in microseconds

    Seen.Read read = Seen.readAll(w.toArray());

    assertThat(read.records()).containsExactly(new Seen(64, 92, 1, 0, 3_601_500_000_000L, 1, "01"));
  }

  @Test
  void readsPacketsOfTwoInterfacesWithDifferentLinkTypes() throws Exception {
    ByteWriter w = ByteWriter.littleEndian();
    sectionHeader(w); // offset 0
    interfaceDescription(w, 113, 0); // offset 28, interface 0: LINUX_SLL
    interfaceDescription(w, 1, 0); // offset 48, interface 1: Ethernet
    enhancedPacket(w, 1, 2_000_000, 1, 0x11); // offset 68, data at 96
    enhancedPacket(w, 0, 3_000_000, 1, 0x22); // offset 104, data at 132

    Seen.Read read = Seen.readAll(w.toArray());

    assertThat(read.records())
        .containsExactly(
            new Seen(68, 96, 1, 1, 2_000_000_000L, 1, "11"),
            new Seen(104, 132, 113, 0, 3_000_000_000L, 1, "22"));
    assertThat(read.linkTypes()).containsExactly(1, 113);
  }

  @Test
  void readsASecondSectionInTheOtherByteOrderWithItsOwnInterfaces() throws Exception {
    ByteWriter little = ByteWriter.littleEndian();
    sectionHeader(little); // offset 0
    interfaceDescription(little, 1, 0); // offset 28
    enhancedPacket(little, 0, 1_000_000, 1, 0x11); // offset 48, data at 76, 36 bytes
    ByteWriter big = ByteWriter.bigEndian().bytes(little.toArray());
    sectionHeader(big); // offset 84: the byte order changes here
    interfaceDescription(big, 101, 0); // offset 112: interface 0 of the new section is raw IP
    enhancedPacket(big, 0, 2_000_000, 1, 0x45); // offset 132, data at 160

    Seen.Read read = Seen.readAll(big.toArray());

    assertThat(read.records())
        .containsExactly(
            new Seen(48, 76, 1, 0, 1_000_000_000L, 1, "11"),
            new Seen(132, 160, 101, 0, 2_000_000_000L, 1, "45"));
    assertThat(read.linkTypes()).containsExactly(1, 101);
    assertThat(read.damage()).isEmpty();
  }

  @Test
  void forgetsTheInterfacesOfThePreviousSection() throws Exception {
    ByteWriter w = ByteWriter.littleEndian();
    sectionHeader(w); // offset 0
    interfaceDescription(w, 1, 0); // offset 28
    enhancedPacket(w, 0, 1_000_000, 1, 0x11); // offset 48, 36 bytes
    sectionHeader(w); // offset 84: a new section, no interface yet
    enhancedPacket(w, 0, 2_000_000, 1, 0x22); // offset 112

    Seen.Read read = Seen.readAll(w.toArray());

    assertThat(read.records()).containsExactly(new Seen(48, 76, 1, 0, 1_000_000_000L, 1, "11"));
    assertThat(read.damage())
        .contains(
            new CaptureDamage(
                112, "unknown interface 0 in enhanced packet block at offset 112 (declared: 0)"));
  }

  @Test
  void readsTheObsoletePacketBlock() throws Exception {
    ByteWriter w = ByteWriter.bigEndian();
    sectionHeader(w); // offset 0
    interfaceDescription(w, 1, 0); // offset 28, interface 0
    interfaceDescription(w, 0, 0); // offset 48, interface 1: BSD loopback
    w.u32(2) // offset 68: block type 2, Packet Block (Appendix A)
        .u32(36) // block total length
        .u16(1) // interface id (16 bits)
        .u16(7) // drops count
        .u32(0) // timestamp (high)
        .u32(4_000_000) // timestamp (low): 4 s in microseconds
        .u32(3) // captured packet length
        .u32(3) // original packet length
        .bytes(0x02, 0x00, 0x00) // packet data at offset 96
        .zeros(1) // padding
        .u32(36); // block total length

    Seen.Read read = Seen.readAll(w.toArray());

    assertThat(read.records()).containsExactly(new Seen(68, 96, 0, 1, 4_000_000_000L, 3, "020000"));
  }

  @Test
  void skipsBlocksItDoesNotInterpret() throws Exception {
    ByteWriter w = ByteWriter.littleEndian();
    sectionHeader(w); // offset 0
    interfaceDescription(w, 1, 0); // offset 28
    w.u32(4) // offset 48: Name Resolution Block (section 4.5)
        .u32(28) // block total length
        .u16(1) // record type: nrb_record_ipv4
        .u16(8) // record value length
        .bytes(10, 0, 0, 1, 'a', 0, 0, 0) // 10.0.0.1 "a\0" padded
        .u16(0) // nrb_record_end
        .u16(0)
        .u32(28); // block total length
    w.u32(5) // offset 76: Interface Statistics Block (section 4.6)
        .u32(24) // block total length
        .u32(0) // interface id
        .u32(0) // timestamp (high)
        .u32(0) // timestamp (low)
        .u32(24); // block total length
    w.u32(0x0000_0BADL) // offset 100: Custom Block (section 4.8)
        .u32(16) // block total length
        .u32(32473) // private enterprise number
        .u32(16); // block total length
    w.u32(0x7FFF_1234L) // offset 116: a type no draft defines
        .u32(12) // block total length: an empty body
        .u32(12); // block total length
    enhancedPacket(w, 0, 0, 1, 0x99); // offset 128, data at 156

    Seen.Read read = Seen.readAll(w.toArray());

    assertThat(read.records()).containsExactly(new Seen(128, 156, 1, 0, 0, 1, "99"));
    assertThat(read.damage()).isEmpty();
  }

  @Test
  void ignoresEnhancedPacketOptionsAfterTheData() throws Exception {
    ByteWriter w = ByteWriter.littleEndian();
    sectionHeader(w); // offset 0
    interfaceDescription(w, 1, 0); // offset 28
    w.u32(6) // offset 48: EPB
        .u32(48) // block total length: 32 + 4 data + 8 epb_flags + 4 opt_endofopt
        .u32(0) // interface id
        .u32(0) // timestamp (high)
        .u32(0) // timestamp (low)
        .u32(2) // captured packet length
        .u32(2) // original packet length
        .bytes(0xCA, 0xFE) // packet data at offset 76
        .zeros(2) // padding
        .u16(2) // option code: epb_flags
        .u16(4) // option length
        .u32(1) // inbound
        .u16(0) // opt_endofopt
        .u16(0)
        .u32(48); // block total length

    Seen.Read read = Seen.readAll(w.toArray());

    assertThat(read.records()).containsExactly(new Seen(48, 76, 1, 0, 0, 2, "cafe"));
  }
}
