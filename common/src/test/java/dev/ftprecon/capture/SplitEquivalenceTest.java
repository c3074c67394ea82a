package dev.ftprecon.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Split reading delivers exactly the whole-file read: for every capture of the project (samples,
 * fault captures) and of the public corpus when present, and for many layouts of split boundaries
 * (seeded random sizes, tiny splits of 1 to 8 KiB, boundaries on, one byte before and one byte
 * after record starts), the records of all splits together equal those of {@link
 * CaptureReaders#open}, each once, and no split reports its successor out of sync.
 */
class SplitEquivalenceTest {
  private static final Path SAMPLES = Path.of("../samples");
  private static final Path FAULTS = Path.of("../testdata/faults");
  private static final Path CORPUS =
      Path.of(System.getProperty("ftprecon.corpus", "../../shared/corpus/public"));

  /** Splits read per file at most, so that big corpus files stay quick. */
  private static final int MAX_SPLITS_PER_FILE = 6_000;

  private static final AtomicLong FILES = new AtomicLong();
  private static final AtomicLong LAYOUTS = new AtomicLong();
  private static final AtomicLong SPLITS = new AtomicLong();
  private static final AtomicLong OUT_OF_SYNC = new AtomicLong();

  @TestFactory
  Stream<DynamicTest> samplesAndFaultCapturesReadSplitEqualTheWholeRead() throws IOException {
    List<Path> files = new ArrayList<>(captures(SAMPLES));
    files.addAll(captures(FAULTS));
    assertThat(files).hasSizeGreaterThan(25);
    return files.stream()
        .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f, true)));
  }

  @TestFactory
  Stream<DynamicTest> corpusCapturesReadSplitEqualTheWholeRead() throws IOException {
    assumeTrue(Files.isDirectory(CORPUS), "no corpus at " + CORPUS.toAbsolutePath());
    List<Path> files = captures(CORPUS);
    assertThat(files).as("captures in " + CORPUS).isNotEmpty();
    return files.stream()
        .map(f -> DynamicTest.dynamicTest(CORPUS.relativize(f).toString(), () -> check(f, false)));
  }

  @AfterAll
  static void report() {
    System.out.printf(
        "split equivalence: %d files, %d layouts, %d splits, %d layouts with a detected"
            + " out-of-sync split%n",
        FILES.get(), LAYOUTS.get(), SPLITS.get(), OUT_OF_SYNC.get());
  }

  /** Regular files that start like pcap or pcapng (netmon, iSeries text and .gz are left out). */
  private static List<Path> captures(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
      List<Path> out = new ArrayList<>();
      for (Path f : files) {
        byte[] head = new byte[CaptureFormat.DETECT_BYTES];
        int n;
        try (var in = Files.newInputStream(f)) {
          n = in.readNBytes(head, 0, head.length);
        }
        if (CaptureFormat.detect(head, n).isPresent()) {
          out.add(f);
        }
      }
      return out;
    }
  }

  /**
   * @param ours the project's own captures: no split may report its successor out of sync. In
   *     public captures, with the tight lookback, payloads that look like record chains may make a
   *     split start wrong (suricata-verify bug-4877 carries an executable whose tables of small
   *     32-bit integers read as pcap records with close timestamps); then its predecessor must say
   *     so, and the splits are only checked up to there.
   */
  private static void check(Path path, boolean ours) throws Exception {
    byte[] file = Files.readAllBytes(path);
    SplitReads.Part whole = SplitReads.whole(file);
    FILES.incrementAndGet();
    // Most test captures are smaller than the default lookback, so their splits would all search
    // from the file header. A lookback of twice the file's largest record keeps the guarantee the
    // default gives (a false chain crosses a true boundary before the start) and makes every split
    // search from the middle of the file.
    long largest = 0;
    for (SplitReads.Rec r : whole.records()) {
      largest = Math.max(largest, r.dataOffset() - r.recordOffset() + r.capturedLength() + 4);
    }
    SplitOptions tight = SplitOptions.defaults().withLookbackBytes(2 * largest + 64);
    List<Layout> layouts = layouts(file.length, whole);
    for (int i = 0; i < layouts.size(); i++) {
      // the default options on a few layouts, the tight lookback on all of them
      if (i % 4 == 0) {
        check(path, file, whole, layouts.get(i), SplitOptions.defaults(), true);
      }
      check(path, file, whole, layouts.get(i), tight, ours);
    }
  }

  private static void check(
      Path path,
      byte[] file,
      SplitReads.Part whole,
      Layout layout,
      SplitOptions options,
      boolean noneOutOfSync)
      throws Exception {
    {
      List<SplitReads.Part> parts = SplitReads.splits(file, layout.bounds(), options);
      LAYOUTS.incrementAndGet();
      SPLITS.addAndGet(parts.size());
      String what = path + " split " + layout.name() + ", lookback " + options.lookbackBytes();
      List<String> outOfSync =
          parts.stream()
              .filter(SplitReads.Part::successorOutOfSync)
              .map(p -> p.start() + "-" + p.end())
              .collect(Collectors.toList());
      if (noneOutOfSync) {
        assertThat(outOfSync).as("splits reporting their successor out of sync, " + what).isEmpty();
      } else if (!outOfSync.isEmpty()) {
        OUT_OF_SYNC.incrementAndGet();
        System.out.println("detected out of sync (file read whole): " + what + " " + outOfSync);
        checkUpToFirstOutOfSync(parts, whole, what);
        return;
      }
      Optional<SplitReads.Part> combined = SplitReads.combine(parts);
      assertThat(combined).as(what).isPresent();
      assertThat(combined.get().damage()).as("damage, " + what).isEqualTo(whole.damage());
      assertThat(combined.get().records()).as("records, " + what).isEqualTo(whole.records());
    }
  }

  /**
   * Every split up to and including the first that reports its successor out of sync delivered
   * exactly the whole read's records of its range.
   */
  private static void checkUpToFirstOutOfSync(
      List<SplitReads.Part> parts, SplitReads.Part whole, String what) {
    for (SplitReads.Part p : parts) {
      List<SplitReads.Rec> expected =
          whole.records().stream()
              .filter(r -> r.recordOffset() >= p.start() && r.recordOffset() < p.end())
              .collect(Collectors.toList());
      assertThat(p.records())
          .as("records of " + p.start() + "-" + p.end() + ", " + what)
          .isEqualTo(expected);
      if (p.successorOutOfSync()) {
        return;
      }
    }
  }

  record Layout(String name, long[] bounds) {}

  static List<Layout> layouts(long length, SplitReads.Part whole) {
    List<Layout> layouts = new ArrayList<>();
    long end = length + 1;
    for (int size : new int[] {1024, 4096, 8192}) {
      if (length / size <= MAX_SPLITS_PER_FILE / 4) {
        layouts.add(new Layout("every " + size + " bytes", fixed(size, end)));
      }
    }
    long seedBase = length * 31 + whole.records().size();
    for (int i = 0; i < 2; i++) {
      long seed = seedBase + i;
      layouts.add(new Layout("tiny random sizes, seed " + seed, random(seed, 1024, 8192, end)));
      layouts.add(
          new Layout("random sizes, seed " + seed, random(seed, 1, Math.max(2, length / 3), end)));
    }
    List<SplitReads.Rec> records = whole.records();
    int step = Math.max(1, records.size() / 200);
    for (int delta : new int[] {-1, 0, 1, 16}) {
      layouts.add(
          new Layout(
              "at record starts " + delta + ", every " + step,
              atRecords(records, step, delta, end)));
    }
    return layouts;
  }

  private static long[] fixed(int size, long end) {
    List<Long> bounds = new ArrayList<>();
    for (long b = 0; b < end; b += size) {
      bounds.add(b);
    }
    bounds.add(end);
    return bounds.stream().mapToLong(Long::longValue).toArray();
  }

  private static long[] random(long seed, long min, long max, long end) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Long> bounds = new ArrayList<>();
    for (long b = 0; b < end; b += random.nextLong(min, max + 1)) {
      bounds.add(b);
    }
    bounds.add(end);
    return bounds.stream().mapToLong(Long::longValue).toArray();
  }

  private static long[] atRecords(List<SplitReads.Rec> records, int step, int delta, long end) {
    List<Long> bounds = new ArrayList<>();
    bounds.add(0L);
    for (int i = step; i < records.size(); i += step) {
      long b = records.get(i).recordOffset() + delta;
      if (b > bounds.get(bounds.size() - 1) && b < end) {
        bounds.add(b);
      }
    }
    bounds.add(end);
    return bounds.stream().mapToLong(Long::longValue).toArray();
  }
}
