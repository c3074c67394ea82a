package dev.ftprecon.jmh;

import dev.ftprecon.digest.ParallelDigestOutputStream;
import dev.ftprecon.tcp.AssemblyLimits;
import dev.ftprecon.tcp.StreamAssembler;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-transfer hot loop of the assembly (AssemblePartition) on one large in-order transfer: one
 * operation = {@code sizeMiB} MiB of 1448-byte segments, taken from a 64 MiB array laid out like a
 * capture (a 78-byte record and header gap between payloads, as the payload reader's window holds
 * them), written to a null sink or a file in the page cache.
 *
 * <ul>
 *   <li>{@code copyLoop}: the ceiling, a plain single-core copy of each segment into a 1 MiB buffer
 *       written out when full.
 *   <li>{@code md5Only}: MD5 of the same bytes, 1 MiB at a time: the floor of anything that digests
 *       the file with MD5.
 *   <li>{@code serialDigests}: the loop before: StreamAssembler, 1 MiB BufferedOutputStream, MD5
 *       and SHA-256 DigestOutputStreams on the writing thread.
 *   <li>{@code parallelDigests}: the loop now: StreamAssembler into a ParallelDigestOutputStream
 *       (SHA-256 and MD5 each on a thread of its own).
 *   <li>{@code assemblerKeeping} and {@code assemblerUncompared}: the StreamAssembler alone into a
 *       null sink (whatever the {@code sink} parameter), keeping every byte for comparing later
 *       copies, or not (a part no other copy overlaps): the cost of the overlap-check window.
 * </ul>
 *
 * bench/jmh-assembly.sh runs it and prints GB/s.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@State(Scope.Benchmark)
public class AssemblyBenchmark {
  static final int SEGMENT = 1448;
  static final int RECORD_GAP = 78;
  static final int BLOCK = 1 << 20;

  @Param({"1024"})
  public int sizeMiB;

  /** {@code null}: OutputStream.nullOutputStream(); {@code file}: a file under java.io.tmpdir. */
  @Param({"null", "file"})
  public String sink;

  private byte[] window;
  private Path file;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    window = new byte[64 << 20];
    new Random(1).nextBytes(window);
    file = Files.createTempFile("ftprecon-jmh-assembly", ".bin");
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(file);
  }

  @Benchmark
  public long copyLoop() throws IOException {
    byte[] block = new byte[BLOCK];
    int filled = 0;
    try (OutputStream out = open()) {
      long total = (long) sizeMiB << 20;
      int at = 0;
      for (long done = 0; done < total; done += SEGMENT) {
        at = nextSegment(at);
        int len = SEGMENT;
        int from = at;
        while (len > 0) {
          int n = Math.min(len, BLOCK - filled);
          System.arraycopy(window, from, block, filled, n);
          filled += n;
          from += n;
          len -= n;
          if (filled == BLOCK) {
            out.write(block, 0, filled);
            filled = 0;
          }
        }
      }
      out.write(block, 0, filled);
    }
    return filled;
  }

  @Benchmark
  public byte[] md5Only() throws NoSuchAlgorithmException {
    MessageDigest md5 = MessageDigest.getInstance("MD5");
    long total = (long) sizeMiB << 20;
    for (long done = 0; done < total; done += BLOCK) {
      md5.update(window, (int) (done % (window.length - BLOCK)), BLOCK);
    }
    return md5.digest();
  }

  @Benchmark
  public byte[] serialDigests() throws IOException, NoSuchAlgorithmException {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    MessageDigest md5 = MessageDigest.getInstance("MD5");
    try (OutputStream out =
        new BufferedOutputStream(
            new DigestOutputStream(new DigestOutputStream(open(), sha256), md5), BLOCK)) {
      assemble(out);
    }
    md5.digest();
    return sha256.digest();
  }

  @Benchmark
  public byte[] parallelDigests() throws IOException {
    ParallelDigestOutputStream out = ParallelDigestOutputStream.of(open(), "SHA-256", "MD5");
    try {
      assemble(out);
      out.close();
    } finally {
      out.abort();
    }
    return out.digest(0);
  }

  @Benchmark
  public long assemblerKeeping() throws IOException {
    return assemble(OutputStream.nullOutputStream(), true);
  }

  @Benchmark
  public long assemblerUncompared() throws IOException {
    return assemble(OutputStream.nullOutputStream(), false);
  }

  private void assemble(OutputStream out) throws IOException {
    assemble(out, true);
  }

  /**
   * Feeds the stream to a StreamAssembler, each segment kept for comparing later copies ({@code
   * accept}) or not ({@code acceptUncompared}, what the assembly does for a part no other copy
   * overlaps).
   */
  private long assemble(OutputStream out, boolean keep) throws IOException {
    StreamAssembler assembler = new StreamAssembler(out, 0, AssemblyLimits.DEFAULTS);
    long total = (long) sizeMiB << 20;
    int at = 0;
    for (long offset = 0; offset < total; offset += SEGMENT) {
      at = nextSegment(at);
      if (keep) {
        assembler.accept(offset, window, at, SEGMENT);
      } else {
        assembler.acceptUncompared(offset, window, at, SEGMENT);
      }
    }
    return assembler.finish(StreamAssembler.UNKNOWN_END).length();
  }

  private int nextSegment(int at) {
    int next = at + SEGMENT + RECORD_GAP;
    return next + SEGMENT > window.length ? RECORD_GAP : next;
  }

  private OutputStream open() throws IOException {
    return sink.equals("file")
        ? new FileOutputStream(file.toFile())
        : OutputStream.nullOutputStream();
  }
}
