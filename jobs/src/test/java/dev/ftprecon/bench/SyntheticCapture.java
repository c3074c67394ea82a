package dev.ftprecon.bench;

import dev.ftprecon.bench.SyntheticFlow.RandomFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Streams a synthetic capture to disk: one large passive-mode FTP download (its ISN close to 2^32,
 * so the sequence space wraps), any number of small concurrent FTP sessions, and optional bulk HTTP
 * downloads that are not FTP at all. Every file's bytes come from a seeded PRNG and are hashed
 * while they are written; the manifest ({@code sha256 size name} per line) is the expected result.
 * Nothing is held in memory but the flows' sequence state, so the capture may be any size.
 *
 * <pre>
 * java -cp jobs/target/test-classes dev.ftprecon.bench.SyntheticCapture --out big.pcap \
 *     --big 4g --small 300 --small-max 2m [--http 1g] [--seed 1] [--manifest big.pcap.sha256]
 * </pre>
 */
public final class SyntheticCapture {
  private static final int SERVER = ip(10, 0, 0, 1);
  private static final int WEB_SERVER = ip(10, 0, 0, 2);
  private static final long START_NANOS = 1_767_225_600_000_000_000L; // 2026-01-01T00:00:00Z

  /** What was written. */
  public record Result(
      long captureBytes, long packets, long ftpFileBytes, Map<String, String> files) {}

  private SyntheticCapture() {}

  public static void main(String[] args) throws IOException {
    Map<String, String> o = options(args);
    Path out = Path.of(required(o, "out"));
    Path manifest = Path.of(o.getOrDefault("manifest", out + ".sha256"));
    Result r =
        write(
            out,
            size(o.getOrDefault("big", "0")),
            Long.decode(o.getOrDefault("big-isn", "0xFFF00000")),
            Integer.parseInt(o.getOrDefault("small", "0")),
            size(o.getOrDefault("small-max", "2m")),
            size(o.getOrDefault("http", "0")),
            Long.parseLong(o.getOrDefault("seed", "1")));
    writeManifest(manifest, r);
    System.err.printf(
        Locale.ROOT,
        "%s: %d bytes, %d packets, %d FTP files (%d bytes); manifest %s%n",
        out,
        r.captureBytes(),
        r.packets(),
        r.files().size(),
        r.ftpFileBytes(),
        manifest);
  }

  /**
   * Writes the capture. {@code bigBytes} 0 means no large download; small sessions and HTTP flows
   * start at random times over the large download's duration (at least 10 s of capture time).
   */
  public static Result write(
      Path out, long bigBytes, long bigIsn, int small, long smallMax, long httpBytes, long seed)
      throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    long bigRate = 125_000_000L; // 1 Gbit/s
    long span = Math.max(10_000_000_000L, bigBytes * 1_000_000_000L / bigRate);
    List<SyntheticFlow> flows = new ArrayList<>();
    Map<String, RandomFile> files = new LinkedHashMap<>();
    if (bigBytes > 0) {
      RandomFile f = new RandomFile("big-000.bin", bigBytes, random.nextLong(), true);
      files.put(f.name(), f);
      flows.add(
          SyntheticFlow.ftpDownload(
              0,
              START_NANOS,
              ip(10, 1, 0, 1),
              40000,
              SERVER,
              30000,
              f,
              bigIsn & 0xFFFFFFFFL,
              bigRate,
              random.split()));
    }
    for (int i = 1; i <= small; i++) {
      long size = 1 + random.nextLong(Math.max(1, smallMax));
      RandomFile f =
          new RandomFile(
              String.format(Locale.ROOT, "small-%04d.bin", i), size, random.nextLong(), true);
      files.put(f.name(), f);
      flows.add(
          SyntheticFlow.ftpDownload(
              i,
              START_NANOS + random.nextLong(span),
              ip(10, 1, 1 + i / 250, 1 + i % 250),
              40000 + 2 * (i % 10000),
              SERVER,
              30001 + i,
              f,
              random.nextLong(1L << 32),
              12_500_000L,
              random.split()));
    }
    int httpFlows = httpBytes == 0 ? 0 : (int) Math.max(1, Math.min(16, httpBytes >> 24));
    for (int i = 0; i < httpFlows; i++) {
      RandomFile body =
          new RandomFile(
              "blob-" + i,
              httpBytes / httpFlows + (i == 0 ? httpBytes % httpFlows : 0),
              random.nextLong(),
              false);
      flows.add(
          SyntheticFlow.httpDownload(
              100_000 + i,
              START_NANOS + random.nextLong(span / 2),
              ip(10, 2, 0, 1 + i),
              50000 + i,
              WEB_SERVER,
              body,
              Math.max(1, body.size() * 1_000_000_000L / span),
              random.split()));
    }
    PriorityQueue<SyntheticFlow> byTime =
        new PriorityQueue<>(
            Comparator.comparingLong(SyntheticFlow::next).thenComparingInt(SyntheticFlow::id));
    byTime.addAll(flows);
    long ftpBytes = files.values().stream().mapToLong(RandomFile::size).sum();
    try (FrameOut frames = new FrameOut(out)) {
      while (!byTime.isEmpty()) {
        SyntheticFlow f = byTime.poll();
        if (f.step(frames)) {
          byTime.add(f);
        }
      }
      frames.close();
      Map<String, String> digests = new LinkedHashMap<>();
      files.forEach((name, f) -> digests.put(name, f.sha256() + " " + f.size()));
      return new Result(frames.bytesWritten(), frames.packets(), ftpBytes, digests);
    }
  }

  /** {@code sha256 size name} per file, sorted by name. */
  public static void writeManifest(Path manifest, Result r) throws IOException {
    try (PrintWriter w =
        new PrintWriter(Files.newBufferedWriter(manifest, StandardCharsets.US_ASCII))) {
      r.files().forEach((name, digestAndSize) -> w.println(digestAndSize + " " + name));
    }
  }

  private static int ip(int a, int b, int c, int d) {
    return a << 24 | b << 16 | c << 8 | d;
  }

  public static long size(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    long unit = 1;
    char last = t.charAt(t.length() - 1);
    if (last == 'k' || last == 'm' || last == 'g') {
      unit = last == 'k' ? 1L << 10 : last == 'm' ? 1L << 20 : 1L << 30;
      t = t.substring(0, t.length() - 1);
    }
    return Math.round(Double.parseDouble(t) * unit);
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 == args.length) {
        throw new IllegalArgumentException("expected --name value pairs, saw: " + args[i]);
      }
      o.put(args[i].substring(2), args[++i]);
    }
    return o;
  }

  private static String required(Map<String, String> o, String name) {
    String v = o.get(name);
    if (v == null) {
      throw new IllegalArgumentException("missing --" + name);
    }
    return v;
  }
}
