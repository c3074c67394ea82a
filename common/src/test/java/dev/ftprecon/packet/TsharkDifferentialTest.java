package dev.ftprecon.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ftprecon.capture.CaptureFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs tshark on every pcap/pcapng file of the shared corpus of real captures and compares its
 * dissection with ours frame by frame (see {@link FrameComparison} for what is compared and the
 * documented differences).
 *
 * <p>Skipped when tshark or the corpus is absent. The corpus is {@code ../../shared/corpus/public}
 * from the module directory unless the system property {@code ftprecon.corpus} names another. Files
 * in other formats (netmon .cap, iSeries text) are left out by {@link CaptureFormat#detect}; {@code
 * .gz} files are read through GZIPInputStream (tshark reads them directly).
 */
class TsharkDifferentialTest {
  private static final Path TSHARK = Path.of("/usr/bin/tshark");
  private static final Path DEFAULT_CORPUS = Path.of("../../shared/corpus/public");

  private static final AtomicLong FILES = new AtomicLong();
  private static final AtomicLong FRAMES = new AtomicLong();
  private static final AtomicLong TCP_COMPARED = new AtomicLong();
  private static final AtomicLong NOT_COMPARED = new AtomicLong();

  @TestFactory
  Stream<DynamicTest> agreesWithTsharkOnEveryFrameOfTheCorpus() throws IOException {
    assumeTrue(Files.isExecutable(TSHARK), "tshark not installed at " + TSHARK);
    Path corpus = Path.of(System.getProperty("ftprecon.corpus", DEFAULT_CORPUS.toString()));
    assumeTrue(Files.isDirectory(corpus), "no corpus at " + corpus.toAbsolutePath());
    List<Path> files;
    try (Stream<Path> walk = Files.walk(corpus)) {
      files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : files) {
      if (isPcapOrPcapng(file)) {
        tests.add(DynamicTest.dynamicTest(corpus.relativize(file).toString(), () -> compare(file)));
      }
    }
    assertThat(tests).as("captures in " + corpus).isNotEmpty();
    return tests.stream();
  }

  @AfterAll
  static void reportTotals() {
    System.out.printf(
        "tshark differential: %d files, %d frames, %d TCP segments compared, %d TCP frames"
            + " differing in a documented way%n",
        FILES.get(), FRAMES.get(), TCP_COMPARED.get(), NOT_COMPARED.get());
  }

  private static void compare(Path file) throws Exception {
    List<TsharkFrame> expected = TsharkFrame.dissect(TSHARK, file);
    FrameComparison result;
    try (InputStream in = open(file)) {
      result = FrameComparison.run(in, expected);
    }
    FILES.incrementAndGet();
    FRAMES.addAndGet(result.frames);
    TCP_COMPARED.addAndGet(result.tcpCompared);
    NOT_COMPARED.addAndGet(result.icmpQuoted + result.fragments + result.malformedForBoth);
    assertThat(result.damage).as("damage in " + file).isEmpty();
    assertThat(result.differences).as("differences from tshark in " + file).isEmpty();
  }

  private static InputStream open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
  }

  private static boolean isPcapOrPcapng(Path file) throws IOException {
    try (InputStream in = open(file)) {
      byte[] head = in.readNBytes(CaptureFormat.DETECT_BYTES);
      return CaptureFormat.detect(head, head.length).isPresent();
    } catch (ZipException notGzip) {
      return false;
    }
  }
}
