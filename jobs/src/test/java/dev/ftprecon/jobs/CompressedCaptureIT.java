package dev.ftprecon.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gzip-compressed capture cannot be re-read by offset, so the payloads of its data segments
 * travel inline through the second pass instead of as pointers. The files must still be the
 * originals: the sha256 recorded from the server's files ({@code testdata/expected/}) for the
 * sample with three downloads (one resumed with REST) on one control connection.
 */
class CompressedCaptureIT extends SparkTestBase {
  private static final String SAMPLE = "multi-transfer-session-epsv-ipv4-pureftpd-curl.pcapng";

  @TempDir static Path dir;
  private static List<Row> transfers;

  @BeforeAll
  static void reconstructTheGzippedSample() throws Exception {
    Path gz = dir.resolve("in/" + SAMPLE + ".gz");
    Files.createDirectories(gz.getParent());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(repoRoot().resolve("samples/" + SAMPLE), out);
    }
    reconstruct(dir.resolve("out"), gz.toString());
    transfers = spark.read().parquet(dir.resolve("out/index/transfers").toString()).collectAsList();
  }

  @Test
  void everyFileOfTheGzippedCaptureIsTheOriginal() throws Exception {
    Map<String, String> expected = new TreeMap<>();
    ExpectedSamples.transfers(repoRoot()).stream()
        .filter(t -> t.capture().equals(SAMPLE) && t.sha256() != null)
        .forEach(t -> expected.put(t.path(), t.sha256()));
    assertThat(expected).hasSizeGreaterThanOrEqualTo(2);
    Map<String, String> actual = new TreeMap<>();
    for (Row t : transfers) {
      if (expected.containsKey(t.<String>getAs("path"))) {
        String file = t.getAs("file");
        assertThat(Hashes.sha256(dir.resolve("out").resolve(file)))
            .isEqualTo(t.<String>getAs("sha256"));
        actual.put(t.getAs("path"), t.getAs("sha256"));
      }
    }
    assertThat(actual).isEqualTo(expected);
  }
}
