package dev.ftprecon.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CaptureReadersTest {

  /** Hands out at most one byte per read and refuses mark/reset, like a slow network stream. */
  private static final class TrickleStream extends FilterInputStream {
    boolean closed;

    TrickleStream(byte[] bytes) {
      super(new ByteArrayInputStream(bytes));
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return super.read(b, off, Math.min(len, 1));
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    @Override
    public void mark(int limit) {
      throw new AssertionError("mark() must not be used");
    }

    @Override
    public void reset() {
      throw new AssertionError("reset() must not be used");
    }

    @Override
    public void close() throws IOException {
      closed = true;
      super.close();
    }
  }

  private static byte[] smallPcap() {
    return ByteWriter.bigEndian()
        .u32(0xA1B2C3D4L) // magic
        .u16(2) // major version
        .u16(4) // minor version
        .u32(0) // reserved1
        .u32(0) // reserved2
        .u32(65535) // snaplen
        .u32(1) // link type: Ethernet
        .u32(10) // record at 24: ts seconds
        .u32(20) // ts microseconds
        .u32(2) // captured length
        .u32(2) // original length
        .bytes(0x0F, 0xF0) // data at 40
        .toArray();
  }

  @Test
  void opensAPcapFromAStreamWithoutMarkSupportReadingOneByteAtATime() throws Exception {
    Seen.Read read = Seen.readAll(new TrickleStream(smallPcap()));

    assertThat(read.format()).isEqualTo(CaptureFormat.PCAP);
    assertThat(read.records()).containsExactly(new Seen(24, 40, 1, 0, 10_000_020_000L, 2, "0ff0"));
    assertThat(read.damage()).isEmpty();
  }

  @Test
  void opensAPcapngFromATrickleStream() throws Exception {
    ByteWriter w = ByteWriter.littleEndian();
    PcapngBlocks.sectionHeader(w); // offset 0
    PcapngBlocks.interfaceDescription(w, 1, 0); // offset 28
    PcapngBlocks.enhancedPacket(w, 0, 5, 2, 0x0F, 0xF0); // offset 48, data at 76

    Seen.Read read = Seen.readAll(new TrickleStream(w.toArray()));

    assertThat(read.format()).isEqualTo(CaptureFormat.PCAPNG);
    assertThat(read.records()).containsExactly(new Seen(48, 76, 1, 0, 5_000L, 2, "0ff0"));
  }

  @Test
  void closingTheReaderClosesTheStream() throws Exception {
    TrickleStream stream = new TrickleStream(smallPcap());

    CaptureReaders.open(stream).close();

    assertThat(stream.closed).isTrue();
  }

  @Test
  void rejectsAnEmptyFile() {
    assertThatThrownBy(() -> CaptureReaders.open(new ByteArrayInputStream(new byte[0])))
        .isInstanceOf(NotACaptureException.class)
        .hasMessage("empty file");
  }

  @Test
  void rejectsGarbageNamingItsFirstBytes() {
    byte[] html = "<!DOCTYPE html>".getBytes(StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> CaptureReaders.open(new ByteArrayInputStream(html)))
        .isInstanceOf(NotACaptureException.class)
        .hasMessage("not a pcap or pcapng capture: first bytes 3c 21 44 4f");
  }

  @Test
  void rejectsAFileShorterThanAMagicNumber() {
    InputStream twoBytes = new ByteArrayInputStream(new byte[] {(byte) 0xD4, (byte) 0xC3});

    assertThatThrownBy(() -> CaptureReaders.open(twoBytes))
        .isInstanceOf(NotACaptureException.class)
        .hasMessage("not a pcap or pcapng capture: first bytes d4 c3");
  }

  @Test
  void propagatesFailuresOfTheUnderlyingStream() throws Exception {
    byte[] file = smallPcap();
    InputStream failing =
        new FilterInputStream(new ByteArrayInputStream(file, 0, 30)) {
          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n < 0) {
              throw new IOException("disk on fire");
            }
            return n;
          }
        };

    try (CaptureReader reader = CaptureReaders.open(failing)) {
      assertThatThrownBy(reader::next).isInstanceOf(IOException.class).hasMessage("disk on fire");
    }
  }
}
