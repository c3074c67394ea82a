package dev.ftprecon.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftprecon.capture.CaptureFormat;
import dev.ftprecon.capture.CaptureReader;
import dev.ftprecon.capture.CaptureReaders;
import dev.ftprecon.capture.CaptureRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PcapWriterTest {

  @Test
  void writesTheClassicLittleEndianMicrosecondHeader() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new PcapWriter(out, 113).close();

    assertThat(out.toByteArray())
        .containsExactly(
            0xd4, 0xc3, 0xb2, 0xa1, // magic as stored by a little-endian writer
            2, 0, 4, 0, // version 2.4
            0, 0, 0, 0, 0, 0, 0, 0, // reserved
            0x00, 0x00, 0x04, 0x00, // snap length 262144
            113, 0, 0, 0); // link type (Linux cooked)
  }

  @Test
  void recordsReadBackThroughOurReader() throws Exception {
    byte[] frame = new byte[100];
    for (int i = 0; i < frame.length; i++) {
      frame[i] = (byte) i;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PcapWriter writer = new PcapWriter(out, SourceCapture.LINKTYPE_ETHERNET)) {
      writer.write(1_700_000_000_123_456_000L, frame, 0, 100, 100);
      // a snap-length cut record; nanoseconds below a microsecond are dropped
      writer.write(new Packet(1_700_000_001_000_001_999L, frame, 40));
    }

    try (CaptureReader reader = CaptureReaders.open(new ByteArrayInputStream(out.toByteArray()))) {
      assertThat(reader.format()).isEqualTo(CaptureFormat.PCAP);
      assertThat(reader.next()).isTrue();
      CaptureRecord r = reader.record();
      assertThat(r.linkType()).isEqualTo(1);
      assertThat(r.timestampNanos()).isEqualTo(1_700_000_000_123_456_000L);
      assertThat(r.capturedLength()).isEqualTo(100);
      assertThat(r.originalLength()).isEqualTo(100);
      assertThat(r.recordOffset()).isEqualTo(24);
      assertThat(r.dataOffset()).isEqualTo(40);
      assertThat(Arrays.copyOfRange(r.buffer(), r.bufferOffset(), r.bufferOffset() + 100))
          .isEqualTo(frame);

      assertThat(reader.next()).isTrue();
      r = reader.record();
      assertThat(r.timestampNanos()).isEqualTo(1_700_000_001_000_001_000L);
      assertThat(r.capturedLength()).isEqualTo(40);
      assertThat(r.originalLength()).isEqualTo(100);
      assertThat(Arrays.copyOfRange(r.buffer(), r.bufferOffset(), r.bufferOffset() + 40))
          .isEqualTo(Arrays.copyOf(frame, 40));

      assertThat(reader.next()).isFalse();
      assertThat(reader.damage()).isEmpty();
      assertThat(reader.anomalies()).isZero();
    }
  }
}
