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
 * (seeded random sizes, tiny splits of 1 to 8 KiB, boundaries on, one byte before and one byte after
 * record starts), the records of all splits together equal those of {@link CaptureReaders#open},
 * each once, and no split reports its successor out of sync.
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

  @TestFactory
  Stream<DynamicTest> samplesAndFaultCapturesReadSplitEqualTheWholeRead() throws IOException {
    List<Path> files = new ArrayList<>(captures(SAMPLES));
    files.addAll(captures(FAULTS));
    assertThat(files).hasSizeGreaterThan(25);
    return files.stream()
        .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
  }

  @TestFactory
  Stream<DynamicTest> corpusCapturesReadSplitEqualTheWholeRead() throws IOException {
    assumeTrue(Files.isDirectory(CORPUS), "no corpus at " + CORPUS.toAbsolutePath());
    List<Path> files = captures(CORPUS);
    assertThat(files).as("captures in " + CORPUS).isNotEmpty();
    return files.stream().map(f -> DynamicTest.dynamicTest(CORPUS.relativize(f).toString(), () -> check(f)));
  }

  @AfterAll
  static void report() {
    System.out.printf(
        "split equivalence: %d files, %d layouts, %d splits%n",
        FILES.get(), LAYOUTS.get(), SPLITS.get());
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

  private static void check(Path path) throws Exception {
    byte[] file = Files.readAllBytes(path);
    SplitReads.Part whole = SplitReads.whole(file);
    FILES.incrementAndGet();
    for (Layout layout : layouts(file.length, whole)) {
      List<SplitReads.Part> parts = SplitReads.splits(file, layout.bounds(), SplitOptions.defaults());
      LAYOUTS.incrementAndGet();
      SPLITS.addAndGet(parts.size());
      String what = path + " split " + layout.name();
      assertThat(parts.stream().filter(SplitReads.Part::successorOutOfSync).map(p -> p.start() + "-" + p.end()))
          .as("splits reporting their successor out of sync, " + what)
          .isEmpty();
      Optional<SplitReads.Part> combined = SplitReads.combine(parts);
      assertThat(combined).as(what).isPresent();
      assertThat(combined.get().damage()).as("damage, " + what).isEqualTo(whole.damage());
      assertThat(combined.get().records()).as("records, " + what).isEqualTo(whole.records());
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
    for (int i = 0; i < 3; i++) {
      long seed = seedBase + i;
      layouts.add(new Layout("tiny random sizes, seed " + seed, random(seed, 1024, 8192, end)));
      layouts.add(
          new Layout(
              "random sizes, seed " + seed,
              random(seed, 1, Math.max(2, length / 3), end)));
    }
    List<SplitReads.Rec> records = whole.records();
    int step = Math.max(1, records.size() / 200);
    for (int delta : new int[] {-1, 0, 1, 16}) {
      layouts.add(new Layout("at record starts " + delta + ", every " + step, atRecords(records, step, delta, end)));
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
