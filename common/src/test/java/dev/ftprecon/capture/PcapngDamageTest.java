package dev.ftprecon.capture;

import static dev.ftprecon.capture.PcapngBlocks.enhancedPacket;
import static dev.ftprecon.capture.PcapngBlocks.interfaceDescription;
import static dev.ftprecon.capture.PcapngBlocks.sectionHeader;
import static dev.ftprecon.capture.PcapngBlocks.simplePacket;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Each malformed pcapng variant stops reading with its own message; earlier packets stand. */
class PcapngDamageTest {
  /** The packet every file below delivers before its damage: EPB at 48, data at 76. */
  private static final Seen FIRST = new Seen(48, 76, 1, 0, 0, 1, "11");

  /** SHB (0..28), IDB Ethernet (28..48), EPB with one byte (48..84). */
  private static ByteWriter goodStart() {
    ByteWriter w = ByteWriter.littleEndian();
    sectionHeader(w);
    interfaceDescription(w, 1, 0);
    enhancedPacket(w, 0, 0, 1, 0x11);
    return w;
  }

  private static void assertStopsAfterFirst(byte[] file, long offset, String message)
      throws Exception {
    Seen.Read read = Seen.readAll(file);
    assertThat(read.records()).containsExactly(FIRST);
    assertThat(read.recordCount()).isEqualTo(1);
    assertThat(read.damage()).contains(new CaptureDamage(offset, message));
  }

  @Test
  void reportsAFileCutInsideABlockHeader() throws Exception {
    byte[] file = goodStart().u32(6).bytes(0x24).toArray(); // 5 bytes of the next block at 84

    assertStopsAfterFirst(
        file, 84, "capture ends inside block header at offset 84: 5 bytes (expected: 8)");
  }

  @Test
  void reportsAFileCutInsidePacketData() throws Exception {
    byte[] whole = enhancedPacket(goodStart(), 0, 0, 8, 1, 2, 3, 4, 5, 6, 7, 8).toArray();
    byte[] file = Arrays.copyOf(whole, 84 + 30); // the 40-byte EPB at 84 cut after 30 bytes

    assertStopsAfterFirst(
        file, 84, "capture ends inside block at offset 84: header claims 40 bytes, 30 present");
  }

  @Test
  void reportsAFileCutInsideASkippedBlock() throws Exception {
    byte[] file =
        goodStart()
            .u32(5) // offset 84: Interface Statistics Block
            .u32(24) // block total length
            .u32(0) // interface id; the file ends 12 bytes into the block
            .toArray();

    assertStopsAfterFirst(
        file, 84, "capture ends inside block at offset 84: header claims 24 bytes, 12 present");
  }

  @Test
  void reportsABlockLongerThanTheCap() throws Exception {
    byte[] file =
        goodStart()
            .u32(6) // offset 84: EPB
            .u32(0x0200_0000L) // block total length: 32 MiB
            .zeros(64) // nothing of it is buffered
            .toArray();

    assertStopsAfterFirst(
        file,
        84,
        "enhanced packet block at offset 84 claims 33554432 bytes (expected: <= 16777216)");
  }

  @Test
  void reportsATrailingLengthThatDiffersFromTheLeadingOne() throws Exception {
    ByteWriter w = ByteWriter.littleEndian();
    sectionHeader(w); // offset 0
    interfaceDescription(w, 1, 4, 9); // offset 28, 32 bytes
    enhancedPacket(w, 0, 0, 3, 0xAA, 0xBB, 0xCC); // offset 60, 36 bytes, data at 88
    w.u32(6) // offset 96: EPB
        .u32(44) // block total length
        .u32(0) // interface id
        .u32(0) // timestamp (high)
        .u32(0) // timestamp (low)
        .u32(12) // captured packet length
        .u32(12) // original packet length
        .zeros(12) // packet data
        .u32(40); // block total length: differs from the leading 44

    Seen.Read read = Seen.readAll(w.toArray());

    assertThat(read.records()).containsExactly(new Seen(60, 88, 1, 0, 0, 3, "aabbcc"));
    assertThat(read.damage())
        .contains(
            new CaptureDamage(
                96,
                "pcapng block at offset 96 has trailing length 40 (expected: 44, the leading length)"));
  }

  @Test
  void reportsATrailingLengthMismatchInASkippedBlock() throws Exception {
    byte[] file =
        goodStart()
            .u32(0x0000_0BADL) // offset 84: Custom Block
            .u32(16) // block total length
            .u32(32473) // private enterprise number
            .u32(20) // block total length: differs
            .toArray();

    assertStopsAfterFirst(
        file,
        84,
        "pcapng block at offset 84 has trailing length 20 (expected: 16, the leading length)");
  }

  @Test
  void reportsAnUnknownInterface() throws Exception {
    byte[] file = enhancedPacket(goodStart(), 3, 0, 1, 0x22).toArray(); // EPB at 84, interface 3

    assertStopsAfterFirst(
        file, 84, "unknown interface 3 in enhanced packet block at offset 84 (declared: 1)");
  }

  @Test
  void reportsABlockLengthThatIsNotAMultipleOfFour() throws Exception {
    byte[] file =
        goodStart()
            .u32(6) // offset 84: EPB
            .u32(34) // block total length: not a multiple of 4
            .zeros(26)
            .toArray();

    assertStopsAfterFirst(
        file, 84, "enhanced packet block at offset 84 has length 34 (expected: a multiple of 4)");
  }

  @Test
  void reportsAPacketBlockShorterThanItsFixedFields() throws Exception {
    byte[] file =
        goodStart()
            .u32(6) // offset 84: EPB
            .u32(28) // block total length: the fixed fields alone need 32
            .zeros(20)
            .toArray();

    assertStopsAfterFirst(
        file, 84, "enhanced packet block at offset 84 has length 28 (expected: >= 32)");
  }

  @Test
  void reportsABlockShorterThanTheGeneralMinimum() throws Exception {
    byte[] file =
        goodStart()
            .u32(5) // offset 84: ISB
            .u32(8) // block total length: below the 12 of an empty block
            .toArray();

    assertStopsAfterFirst(file, 84, "pcapng block at offset 84 has length 8 (expected: >= 12)");
  }

  @Test
  void reportsACapturedLengthThatDoesNotFitTheBlock() throws Exception {
    byte[] file =
        goodStart()
            .u32(6) // offset 84: EPB
            .u32(36) // block total length: room for 4 data bytes
            .u32(0) // interface id
            .u32(0) // timestamp (high)
            .u32(0) // timestamp (low)
            .u32(1500) // captured packet length: more than the block holds
            .u32(1500) // original packet length
            .zeros(4) // packet data
            .u32(36) // block total length
            .toArray();

    assertStopsAfterFirst(
        file,
        84,
        "enhanced packet block at offset 84 claims 1500 captured bytes (expected: <= 4, the room"
            + " in a block of 36 bytes)");
  }

  @Test
  void reportsASecondSectionWithABadByteOrderMagic() throws Exception {
    byte[] file =
        goodStart()
            .u32(0x0A0D0D0AL) // offset 84: SHB
            .u32(28) // block total length
            .u32(0x12345678L) // byte-order magic: wrong
            .zeros(16)
            .toArray();

    assertStopsAfterFirst(
        file,
        84,
        "section header block at offset 84 has byte-order magic 0x78563412 (expected: 0x1a2b3c4d"
            + " in either byte order)");
  }

  @Test
  void reportsAnUnsupportedMajorVersion() throws Exception {
    byte[] file =
        goodStart()
            .u32(0x0A0D0D0AL) // offset 84: SHB
            .u32(28) // block total length
            .u32(0x1A2B3C4DL) // byte-order magic
            .u16(2) // major version 2: incompatible
            .u16(0) // minor version
            .u64(-1) // section length
            .u32(28) // block total length
            .toArray();

    assertStopsAfterFirst(
        file,
        84,
        "unsupported pcapng version 2.0 in section header block at offset 84 (expected: 1.x)");
  }

  @Test
  void reportsASimplePacketBeforeAnyInterface() throws Exception {
    ByteWriter w = ByteWriter.bigEndian();
    sectionHeader(w); // offset 0
    simplePacket(w, 1, 0x01); // offset 28

    Seen.Read read = Seen.readAll(w.toArray());

    assertThat(read.records()).isEmpty();
    assertThat(read.damage())
        .contains(
            new CaptureDamage(
                28,
                "simple packet block at offset 28 precedes any interface description block"
                    + " (declared: 0)"));
  }

  @Test
  void reportsATimestampResolutionTooFineFor64Bits() throws Exception {
    ByteWriter w = goodStart();
    interfaceDescription(w, 1, 0, 20); // offset 84: 10^-20 s does not fit 64-bit ticks

    assertStopsAfterFirst(
        w.toArray(),
        84,
        "interface description block at offset 84: if_tsresol 0x14 is finer than a 64-bit"
            + " timestamp can hold (expected: 10^-0..10^-19 or 2^-0..2^-63)");
  }

  @Test
  void reportsATimestampResolutionOptionOfTheWrongSize() throws Exception {
    byte[] file =
        goodStart()
            .u32(1) // offset 84: IDB
            .u32(32) // block total length
            .u16(1) // link type
            .u16(0) // reserved
            .u32(0) // snaplen
            .u16(9) // option code: if_tsresol
            .u16(2) // option length: should be 1
            .bytes(6, 0, 0, 0) // value and padding
            .u32(0) // opt_endofopt
            .u32(32) // block total length
            .toArray();

    assertStopsAfterFirst(
        file, 84, "interface description block at offset 84: if_tsresol has 2 bytes (expected: 1)");
  }

  @Test
  void reportsAnOptionRunningPastItsBlock() throws Exception {
    byte[] file =
        goodStart()
            .u32(1) // offset 84: IDB
            .u32(24) // block total length: 20 + one option header
            .u16(1) // link type
            .u16(0) // reserved
            .u32(0) // snaplen
            .u16(2) // option code: if_name
            .u16(40) // option length: only 0 bytes are left before the trailer
            .u32(24) // block total length: 20 + one option header
            .toArray();

    assertStopsAfterFirst(
        file,
        84,
        "interface description block at offset 84: option 2 claims 40 bytes (expected: <= 0,"
            + " the bytes left in the block)");
  }

  @Test
  void reportsAFirstSectionHeaderCutShort() throws Exception {
    byte[] file = Arrays.copyOf(sectionHeader(ByteWriter.littleEndian()).toArray(), 20);

    Seen.Read read = Seen.readAll(file);

    assertThat(read.records()).isEmpty();
    assertThat(read.damage())
        .contains(
            new CaptureDamage(
                0, "capture ends inside block at offset 0: header claims 28 bytes, 20 present"));
  }

  @Test
  void reportsABlockBeforeAnySectionHeaderWhenOpenedDirectly() throws Exception {
    byte[] file = interfaceDescription(ByteWriter.littleEndian(), 1, 0).toArray();

    try (PcapngReader reader =
        new PcapngReader(new CaptureInput(new java.io.ByteArrayInputStream(file), 1024))) {
      assertThat(reader.next()).isFalse();
      assertThat(reader.damage())
          .contains(
              new CaptureDamage(
                  0,
                  "pcapng block at offset 0 has type 0x01000000 (expected: a section header"
                      + " block, 0x0a0d0d0a, first)"));
    }
  }
}
