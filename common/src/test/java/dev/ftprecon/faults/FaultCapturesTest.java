package dev.ftprecon.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks the committed fault captures against their expected JSON from the packets side: a naive
 * reassembly of what was written must give the expected file, gaps, duplicates and conflicts, and
 * tshark (when installed) must find every TCP checksum correct.
 */
class FaultCapturesTest {
  private static final Path REPO_ROOT = Path.of(System.getProperty("ftprecon.repoRoot", ".."));
  private static final Path TSHARK = Path.of("/usr/bin/tshark");

  @TestFactory
  Stream<DynamicTest> capturesHoldWhatTheirExpectedJsonSays() {
    return FaultGenerator.behaviours().stream()
        .map(b -> DynamicTest.dynamicTest(b.name(), () -> check(b.name())));
  }

  @TestFactory
  Stream<DynamicTest> tsharkFindsNoBadChecksum() {
    return FaultGenerator.behaviours().stream()
        .map(b -> DynamicTest.dynamicTest(b.name(), () -> tsharkChecksums(b.name())));
  }

  private static Object expectedJson(String behaviour) throws IOException {
    Path json =
        REPO_ROOT.resolve(FaultGenerator.COMMITTED_DIR).resolve(behaviour + ".expected.json");
    return MiniJson.parse(Files.readString(json, StandardCharsets.UTF_8));
  }

  private static List<Path> captures(Object json) {
    List<Path> paths = new ArrayList<>();
    for (Object capture : (List<?>) MiniJson.at(json, "captures")) {
      paths.add(REPO_ROOT.resolve((String) capture));
    }
    return paths;
  }

  private static List<FileRange> ranges(Object json, String name) {
    List<FileRange> ranges = new ArrayList<>();
    for (Object pair : (List<?>) MiniJson.at(json, "expected", name)) {
      List<?> p = (List<?>) pair;
      ranges.add(new FileRange((Long) p.get(0), (Long) p.get(1)));
    }
    return ranges;
  }

  private static long number(Object json, String name) {
    return (Long) MiniJson.at(json, "expected", name);
  }

  private static void check(String behaviour) throws Exception {
    Object json = expectedJson(behaviour);
    String source = (String) MiniJson.at(json, "source");
    DataConnection connection = DataConnection.of(ExpectedTransfer.load(REPO_ROOT, source));
    List<FileRange> gaps = ranges(json, "gaps");
    List<FileRange> conflicts = ranges(json, "conflict_ranges");

    // the JSON agrees with itself
    assertThat(FileRange.total(gaps)).isEqualTo(number(json, "missing_bytes"));
    assertThat(FileRange.total(conflicts)).isEqualTo(number(json, "conflict_bytes"));
    assertThat(MiniJson.at(json, "behaviour")).isEqualTo(behaviour);

    NaiveReassembly naive =
        NaiveReassembly.of(captures(json), connection, (int) number(json, "original_bytes"));

    assertThat(naive.status).isEqualTo(MiniJson.at(json, "expected", "status"));
    assertThat((long) naive.file.length).isEqualTo(number(json, "bytes"));
    assertThat(Digests.sha256(naive.file)).isEqualTo(MiniJson.at(json, "expected", "sha256"));
    assertThat(naive.missingBytes).isEqualTo(number(json, "missing_bytes"));
    assertThat(naive.gaps).isEqualTo(gaps);
    assertThat(naive.duplicateBytes).isEqualTo(number(json, "duplicate_bytes"));
    assertThat(naive.conflictBytes).isEqualTo(number(json, "conflict_bytes"));
    assertThat(naive.conflictRanges).isEqualTo(conflicts);
  }

  private static void tsharkChecksums(String behaviour) throws Exception {
    assumeTrue(Files.isExecutable(TSHARK), "tshark not installed at " + TSHARK);
    for (Path capture : captures(expectedJson(behaviour))) {
      Process tshark =
          new ProcessBuilder(
                  TSHARK.toString(),
                  "-n",
                  "-r",
                  capture.toString(),
                  "-o",
                  "tcp.check_checksum:TRUE",
                  "-o",
                  "ip.check_checksum:TRUE",
                  "-T",
                  "fields",
                  "-e",
                  "frame.number",
                  "-Y",
                  "tcp.checksum.status == 0 || ip.checksum.status == 0")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String bad = new String(tshark.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(tshark.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(tshark.exitValue()).as("tshark exit status on " + capture).isZero();
      assertThat(bad).as("frames with a bad checksum in " + capture).isEmpty();
    }
  }
}
