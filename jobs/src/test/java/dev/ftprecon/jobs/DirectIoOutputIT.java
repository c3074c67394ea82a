package dev.ftprecon.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every non-empty reconstructed file written with direct I/O ({@code
 * spark.ftprecon.output.directIoMinBytes} 0, so even a file of a few bytes takes the aligned path
 * with its padded last block): the files of all samples must still be the originals, as the sha256
 * recorded from the servers' files ({@code testdata/expected/}) says. The output sits in the
 * project's target/ folder, on the file system that takes O_DIRECT on the CI machines (tmpfs might
 * not).
 */
class DirectIoOutputIT extends SparkTestBase {
  private static final String KEY = "spark.ftprecon.output.directIoMinBytes";

  private static Path out;

  @BeforeAll
  static void reconstructTheSamplesWritingEveryFileDirectly() throws Exception {
    out = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "direct-io-it");
    spark.conf().set(KEY, "0");
    try {
      reconstruct(out, repoRoot().resolve("samples").toString());
    } finally {
      spark.conf().unset(KEY);
    }
  }

  @AfterAll
  static void removeTheOutput() throws Exception {
    try (Stream<Path> files = Files.walk(out)) {
      for (Path p : files.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.delete(p);
      }
    }
  }

  @Test
  void everyFileIsTheOriginal() throws Exception {
    List<String> expected =
        ExpectedSamples.transfers(repoRoot()).stream()
            .filter(t -> t.sha256() != null && t.bytes() > 0)
            .map(ExpectedSamples.Transfer::sha256)
            .sorted()
            .toList();
    assertThat(expected).hasSizeGreaterThanOrEqualTo(10);
    List<String> actual =
        Hashes.sha256OfEach(out.resolve("files")).stream()
            // a transfer that failed may leave an empty file; only bytes are compared here
            .filter(sum -> !sum.equals(Hashes.OF_NOTHING))
            .sorted()
            .toList();
    assertThat(actual).isEqualTo(expected);
  }
}
