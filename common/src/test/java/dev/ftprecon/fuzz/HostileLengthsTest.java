package dev.ftprecon.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ftprecon.capture.CaptureReader;
import dev.ftprecon.capture.CaptureReaders;
import dev.ftprecon.ftp.FtpLimits;
import dev.ftprecon.ftp.FtpSessionSummary;
import dev.ftprecon.ftp.FtpSessionTracker;
import dev.ftprecon.tcp.AssemblyLimits;
import dev.ftprecon.tcp.AssemblyResult;
import dev.ftprecon.tcp.StreamAssembler;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Length fields claiming 100 MB (or a 100 MB line, or a 100 MB hole) in inputs of a few bytes:
 * nothing of that size may be allocated. Measured with the thread's allocation counter, after a
 * warm-up run that loads the classes.
 */
class HostileLengthsTest {
  private static final int HUNDRED_MB = 100_000_000;
  private static final long ONE_MIB = 1 << 20;

  @BeforeAll
  static void counterAvailable() {
    assumeTrue(Allocations.current() >= 0, "per-thread allocation counter unavailable");
  }

  @Test
  void pcapRecordClaiming100MbIsDamageWithoutAllocation() throws Exception {
    ByteBuffer file = le(24 + 16 + 8);
    file.putInt(0xA1B2C3D4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0);
    file.putInt(262_144).putInt(1);
    file.putInt(1).putInt(0).putInt(HUNDRED_MB).putInt(HUNDRED_MB);
    assertReadAllocatesAtMost(file.array(), ONE_MIB);
  }

  @Test
  void pcapngPacketBlockClaiming100MbIsDamageWithoutAllocation() throws Exception {
    ByteBuffer file = le(28 + 20 + 8 + 24);
    sectionAndInterface(file);
    file.putInt(6).putInt(HUNDRED_MB);
    assertReadAllocatesAtMost(file.array(), ONE_MIB);
  }

  @Test
  void pcapngUnknownBlockOf15MibIsSkippedWithoutBuffering() throws Exception {
    ByteBuffer file = le(28 + 20 + 8 + 24);
    sectionAndInterface(file);
    file.putInt(0x0BAD).putInt(15 * 1024 * 1024);
    assertReadAllocatesAtMost(file.array(), ONE_MIB);
  }

  @Test
  void pcapngPacketBlockOf15MibInAShortFileStaysWithinTheDocumentedCap() throws Exception {
    ByteBuffer file = le(28 + 20 + 8 + 24);
    sectionAndInterface(file);
    file.putInt(6).putInt(15 * 1024 * 1024);
    // BlockFraming.MAX_BLOCK_BYTES (16 MiB) bounds the read buffer: the block is buffered before
    // its end is known to be missing.
    assertReadAllocatesAtMost(file.array(), 16 * ONE_MIB + ONE_MIB);
  }

  @Test
  void holeOf100MbIsZeroFilledWithoutAllocation() throws Exception {
    CountingSink sink = new CountingSink();
    StreamAssembler warmUp = new StreamAssembler(sink, 0, AssemblyLimits.DEFAULTS);
    warmUp.accept(10, new byte[] {1}, 0, 1);
    warmUp.finish(StreamAssembler.UNKNOWN_END);

    StreamAssembler assembler = new StreamAssembler(sink, 0, AssemblyLimits.DEFAULTS);
    assembler.accept(0, new byte[] {1}, 0, 1);
    long before = Allocations.current();
    assembler.accept(HUNDRED_MB, new byte[] {2}, 0, 1);
    long allocated = Allocations.since(before);
    AssemblyResult result = assembler.finish(StreamAssembler.UNKNOWN_END);

    assertThat(result.missingBytes()).isEqualTo(HUNDRED_MB - 1);
    assertThat(result.length()).isEqualTo(HUNDRED_MB + 1L);
    assertThat(allocated).as("bytes allocated writing the hole").isLessThan(ONE_MIB);
  }

  @Test
  void lineOf100MbWithoutLineEndKeepsAtMostMaxLineBytes() {
    byte[] chunk = new byte[64 * 1024];
    Arrays.fill(chunk, (byte) 'A');
    FtpSessionTracker warmUp =
        new FtpSessionTracker("192.0.2.10", 50_000, "198.51.100.21", 21, FtpLimits.DEFAULTS);
    warmUp.clientData(0, chunk, 0, chunk.length);
    warmUp.finish(1);

    FtpSessionTracker tracker =
        new FtpSessionTracker("192.0.2.10", 50_000, "198.51.100.21", 21, FtpLimits.DEFAULTS);
    long before = Allocations.current();
    for (long fed = 0; fed < HUNDRED_MB; fed += chunk.length) {
      tracker.clientData(fed, chunk, 0, chunk.length);
    }
    long allocated = Allocations.since(before);
    FtpSessionSummary summary = tracker.finish(HUNDRED_MB);

    assertThat(allocated).as("bytes allocated for a 100 MB line").isLessThan(ONE_MIB);
    assertThat(summary.anomalies())
        .containsKey("line longer than " + FtpLimits.DEFAULT_MAX_LINE_BYTES + " bytes");
  }

  private static void assertReadAllocatesAtMost(byte[] file, long bound) throws Exception {
    read(file);
    long before = Allocations.current();
    String damage = read(file);
    long allocated = Allocations.since(before);
    assertThat(damage).as("damage reported").isNotEmpty();
    assertThat(allocated).as("bytes allocated reading %d bytes", file.length).isLessThan(bound);
  }

  private static String read(byte[] file) throws Exception {
    try (CaptureReader reader = CaptureReaders.open(new ByteArrayInputStream(file))) {
      while (reader.next()) {
        // Nothing is expected before the damage.
      }
      assertThat(reader.records()).isZero();
      return reader.damage().map(Object::toString).orElse("");
    }
  }

  /** Little-endian SHB (28 bytes) and Ethernet IDB (20 bytes). */
  private static void sectionAndInterface(ByteBuffer file) {
    file.putInt(0x0A0D0D0A).putInt(28).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0);
    file.putLong(-1).putInt(28);
    file.putInt(1).putInt(20).putShort((short) 1).putShort((short) 0).putInt(0).putInt(20);
  }

  private static ByteBuffer le(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static final class CountingSink extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
