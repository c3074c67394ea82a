package dev.ftprecon.capture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PcapReaderTest {

  /** File header (draft-ietf-opsawg-pcap section 4) with the given magic and link type word. */
  private static ByteWriter header(ByteWriter w, long magic, long linkTypeWord) {
    return w.u32(magic) // magic number
        .u16(2) // major version
        .u16(4) // minor version
        .u32(0) // reserved1 (was thiszone)
        .u32(0) // reserved2 (was sigfigs)
        .u32(65535) // snaplen
        .u32(linkTypeWord); // link type and additional information
  }

  @Test
  void readsLittleEndianMicrosecondPcap() throws Exception {
    byte[] file =
        header(ByteWriter.littleEndian(), 0xA1B2C3D4L, 1)
            // record 1 at offset 24
            .u32(1_700_000_000L) // ts seconds
            .u32(123_456) // ts microseconds
            .u32(3) // captured length
            .u32(60) // original length
            .bytes(0xAA, 0xBB, 0xCC) // data at offset 40
            // record 2 at offset 43
            .u32(1_700_000_001L) // ts seconds
            .u32(999_999) // ts microseconds
            .u32(2) // captured length
            .u32(2) // original length
            .bytes(0x01, 0x02) // data at offset 59
            .toArray();
    assertThat(file).startsWith(0xD4, 0xC3, 0xB2, 0xA1); // the LE magic as it appears on disk

    Seen.Read read = Seen.readAll(file);

    assertThat(read.format()).isEqualTo(CaptureFormat.PCAP);
    assertThat(read.records())
        .containsExactly(
            new Seen(24, 40, 1, 0, 1_700_000_000_123_456_000L, 60, "aabbcc"),
            new Seen(43, 59, 1, 0, 1_700_000_001_999_999_000L, 2, "0102"));
    assertThat(read.recordCount()).isEqualTo(2);
    assertThat(read.damage()).isEmpty();
    assertThat(read.linkTypes()).containsExactly(1);
    assertThat(read.anomalies()).isZero();
  }

  @Test
  void readsBigEndianNanosecondPcap() throws Exception {
    byte[] file =
        header(ByteWriter.bigEndian(), 0xA1B23C4DL, 101)
            // record at offset 24
            .u32(1_600_000_000L) // ts seconds
            .u32(987_654_321) // ts nanoseconds
            .u32(4) // captured length
            .u32(1500) // original length
            .bytes(0x45, 0x00, 0x05, 0xDC) // data at offset 40
            .toArray();
    assertThat(file).startsWith(0xA1, 0xB2, 0x3C, 0x4D);

    Seen.Read read = Seen.readAll(file);

    assertThat(read.records())
        .containsExactly(new Seen(24, 40, 101, 0, 1_600_000_000_987_654_321L, 1500, "450005dc"));
    assertThat(read.damage()).isEmpty();
    assertThat(read.linkTypes()).containsExactly(101);
  }

  @Test
  void readsBigEndianMicrosecondPcap() throws Exception {
    byte[] file =
        header(ByteWriter.bigEndian(), 0xA1B2C3D4L, 113)
            .u32(0xFFFF_FFFFL) // ts seconds: the largest unsigned value, year 2106
            .u32(1) // ts microseconds
            .u32(1) // captured length
            .u32(1) // original length
            .bytes(0x7F) // data at offset 40
            .toArray();

    Seen.Read read = Seen.readAll(file);

    // 4294967295 s * 10^9 + 1000 ns, hand-computed: no overflow for unsigned 32-bit seconds.
    assertThat(read.records())
        .containsExactly(new Seen(24, 40, 113, 0, 4_294_967_295_000_001_000L, 1, "7f"));
  }

  @Test
  void readsLittleEndianNanosecondPcap() throws Exception {
    byte[] file =
        header(ByteWriter.littleEndian(), 0xA1B23C4DL, 0)
            .u32(1) // ts seconds
            .u32(5) // ts nanoseconds
            .u32(0) // captured length: an empty record is legal
            .u32(0) // original length
            // record 2 at offset 40, data at 56
            .u32(2)
            .u32(6)
            .u32(1)
            .u32(1)
            .bytes(0x02)
            .toArray();

    Seen.Read read = Seen.readAll(file);

    assertThat(read.records())
        .containsExactly(
            new Seen(24, 40, 0, 0, 1_000_000_005L, 0, ""),
            new Seen(40, 56, 0, 0, 2_000_000_006L, 1, "02"));
  }

  @Test
  void masksFcsBitsOutOfTheLinkType() throws Exception {
    // Section 4: bits 28-31 may carry the FCS length and bit 27 says it is present.
    byte[] file =
        header(ByteWriter.littleEndian(), 0xA1B2C3D4L, 0x2800_0001L)
            .u32(0)
            .u32(0)
            .u32(1)
            .u32(1)
            .bytes(0x00)
            .toArray();

    Seen.Read read = Seen.readAll(file);

    assertThat(read.records()).extracting(Seen::linkType).containsExactly(1);
    assertThat(read.linkTypes()).containsExactly(1);
  }

  @Test
  void deliversButCountsARecordCapturingMoreThanItsOriginalLength() throws Exception {
    byte[] file =
        header(ByteWriter.littleEndian(), 0xA1B2C3D4L, 1)
            .u32(0)
            .u32(0)
            .u32(2) // captured length
            .u32(1) // original length: smaller, which is impossible but seen in the wild
            .bytes(0x01, 0x02)
            .toArray();

    Seen.Read read = Seen.readAll(file);

    assertThat(read.records()).containsExactly(new Seen(24, 40, 1, 0, 0, 1, "0102"));
    assertThat(read.anomalies()).isEqualTo(1);
    assertThat(read.damage()).isEmpty();
  }

  @Test
  void readsAFileWithHeaderOnly() throws Exception {
    Seen.Read read = Seen.readAll(header(ByteWriter.littleEndian(), 0xA1B2C3D4L, 1).toArray());

    assertThat(read.records()).isEmpty();
    assertThat(read.damage()).isEmpty();
    assertThat(read.linkTypes()).containsExactly(1);
  }

  @Test
  void reportsAFileHeaderCutShort() throws Exception {
    byte[] file =
        ByteWriter.littleEndian()
            .u32(0xA1B2C3D4L) // magic
            .u16(2) // major version
            .u16(4) // minor version
            .u32(0) // reserved1; the file ends 12 bytes into the 24-byte header
            .toArray();

    Seen.Read read = Seen.readAll(file);

    assertThat(read.records()).isEmpty();
    assertThat(read.damage())
        .contains(
            new CaptureDamage(0, "capture ends inside pcap file header: 12 bytes (expected: 24)"));
    assertThat(read.linkTypes()).isEmpty();
  }

  @Test
  void reportsAnUnsupportedMajorVersion() throws Exception {
    byte[] file =
        ByteWriter.bigEndian()
            .u32(0xA1B2C3D4L) // magic
            .u16(1) // major version 1: pre-1998 format, not this layout
            .u16(0) // minor version
            .zeros(16) // reserved1, reserved2, snaplen, link type
            .toArray();

    Seen.Read read = Seen.readAll(file);

    assertThat(read.records()).isEmpty();
    assertThat(read.damage())
        .contains(new CaptureDamage(0, "unsupported pcap version 1.0 (expected: 2.x)"));
  }

  @Test
  void reportsARecordHeaderCutShortAfterDeliveringTheRecordBefore() throws Exception {
    byte[] file =
        header(ByteWriter.littleEndian(), 0xA1B2C3D4L, 1)
            .u32(7)
            .u32(0)
            .u32(1)
            .u32(1)
            .bytes(0x55) // record at offset 24, 17 bytes
            .u32(8) // record at offset 41: ts seconds
            .u32(0) // ts microseconds; the file ends 8 bytes into the 16-byte header
            .toArray();

    Seen.Read read = Seen.readAll(file);

    assertThat(read.records()).containsExactly(new Seen(24, 40, 1, 0, 7_000_000_000L, 1, "55"));
    assertThat(read.damage())
        .contains(
            new CaptureDamage(
                41, "capture ends inside record header at offset 41: 8 bytes (expected: 16)"));
  }

  @Test
  void reportsARecordWhoseDataIsCutShort() throws Exception {
    byte[] file =
        header(ByteWriter.littleEndian(), 0xA1B2C3D4L, 1)
            .u32(7)
            .u32(0)
            .u32(1)
            .u32(1)
            .bytes(0x55) // record at offset 24, 17 bytes
            .u32(8) // record at offset 41: ts seconds
            .u32(0) // ts microseconds
            .u32(1514) // captured length
            .u32(1514) // original length
            .zeros(200) // only 200 of the 1514 data bytes
            .toArray();

    Seen.Read read = Seen.readAll(file);

    assertThat(read.records()).hasSize(1);
    assertThat(read.damage())
        .contains(
            new CaptureDamage(
                41,
                "capture ends inside record at offset 41: header claims 1514 bytes, 200 present"));
  }

  @Test
  void reportsARecordClaimingMoreThanTheCap() throws Exception {
    byte[] file =
        header(ByteWriter.bigEndian(), 0xA1B2C3D4L, 1)
            .u32(0) // ts seconds
            .u32(0) // ts microseconds
            .u32(9_000_000) // captured length: far above 262144
            .u32(9_000_000) // original length
            .zeros(64) // some data; the claim is rejected before any of it is buffered
            .toArray();

    Seen.Read read = Seen.readAll(file);

    assertThat(read.records()).isEmpty();
    assertThat(read.damage())
        .contains(
            new CaptureDamage(
                24, "record at offset 24 claims 9000000 bytes (expected: <= 262144)"));
  }

  @Test
  void acceptsARecordOfExactlyTheCap() throws Exception {
    byte[] file =
        header(ByteWriter.bigEndian(), 0xA1B2C3D4L, 1)
            .u32(0)
            .u32(0)
            .u32(262_144) // captured length: exactly MAXIMUM_SNAPLEN
            .u32(262_144)
            .zeros(262_144)
            .toArray();

    Seen.Read read = Seen.readAll(file);

    assertThat(read.recordCount()).isEqualTo(1);
    assertThat(read.records().get(0).data()).hasSize(2 * 262_144);
    assertThat(read.damage()).isEmpty();
  }

  @Test
  void reportsAHeaderWithoutPcapMagicWhenOpenedDirectly() throws Exception {
    byte[] file = ByteWriter.bigEndian().u32(0x0A0D0D0AL).zeros(20).toArray(); // a pcapng start

    try (PcapReader reader =
        PcapReader.open(new CaptureInput(new java.io.ByteArrayInputStream(file), 1024))) {
      assertThat(reader.next()).isFalse();
      assertThat(reader.damage())
          .contains(
              new CaptureDamage(
                  0,
                  "pcap file header at offset 0 has magic 0x0a0d0d0a (expected: 0xa1b2c3d4 or"
                      + " 0xa1b23c4d in either byte order)"));
    }
  }
}
