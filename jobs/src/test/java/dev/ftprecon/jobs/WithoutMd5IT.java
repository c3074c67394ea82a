package dev.ftprecon.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The samples with {@code spark.ftprecon.output.md5=false}: the md5 column is null, while every
 * file and its sha256 are still the originals' (testdata/expected/, recorded from the servers'
 * files when the samples were made).
 */
class WithoutMd5IT extends SparkTestBase {
  private static final String KEY = "spark.ftprecon.output.md5";

  @TempDir static Path out;
  private static List<Row> transfers;

  @BeforeAll
  static void reconstructTheSamplesWithoutMd5() throws Exception {
    spark.conf().set(KEY, "false");
    try {
      reconstruct(out, repoRoot().resolve("samples").toString());
    } finally {
      spark.conf().unset(KEY);
    }
    transfers = spark.read().parquet(out.resolve("index/transfers").toString()).collectAsList();
  }

  @Test
  void noTransferHasAnMd5() {
    assertThat(transfers).isNotEmpty();
    assertThat(transfers).allSatisfy(t -> assertThat(t.<String>getAs("md5")).isNull());
  }

  @Test
  void everyFileAndItsSha256AreStillTheOriginals() throws Exception {
    List<String> expected =
        ExpectedSamples.transfers(repoRoot()).stream()
            .filter(t -> t.sha256() != null)
            .map(ExpectedSamples.Transfer::sha256)
            .sorted()
            .toList();
    assertThat(expected).hasSizeGreaterThanOrEqualTo(10);
    List<String> indexed =
        transfers.stream()
            .filter(t -> "complete".equals(t.getAs("status")))
            .map(t -> t.<String>getAs("sha256"))
            .sorted()
            .toList();
    assertThat(indexed).isEqualTo(expected);
    List<String> onDisk =
        transfers.stream()
            .filter(t -> "complete".equals(t.getAs("status")))
            .map(t -> sha256(out.resolve(t.<String>getAs("file"))))
            .sorted()
            .toList();
    assertThat(onDisk).isEqualTo(expected);
  }

  private static String sha256(Path file) {
    try {
      return Hashes.sha256(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
