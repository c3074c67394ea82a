package dev.ftprecon.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftprecon.jobs.input.CaptureScan;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on samples/, testdata/faults/ and two damaged captures, three ways: each file in one
 * split; in splits of 32 KiB (hundreds of tasks, small files packed together); and in splits of 128
 * KiB with every split file read again whole (the path taken when a split finds its successor out
 * of sync). The index and the reconstructed files must not depend on the split size.
 */
class SplitScanIT extends SparkTestBase {
  private static final String DAMAGED_FROM = "samples/pasv-download-ipv4-pureftpd-curl.pcap";

  @TempDir static Path in;
  @TempDir static Path whole;
  @TempDir static Path split;
  @TempDir static Path rescanned;
  @TempDir static Path pieces;
  private static List<Long> records;
  private static int wholeTasks;
  private static int splitTasks;
  private static int rescanTasks;

  @BeforeAll
  static void runThreeWays() throws Exception {
    for (String dir : List.of("samples", "testdata/faults")) {
      try (Stream<Path> files = Files.list(repoRoot().resolve(dir))) {
        for (Path f : files.filter(p -> p.getFileName().toString().contains(".pcap")).toList()) {
          Files.copy(f, in.resolve(f.getFileName()));
        }
      }
    }
    byte[] sample = Files.readAllBytes(repoRoot().resolve(DAMAGED_FROM));
    records = PcapDataSourceIT.recordOffsets(sample);
    int middle = records.size() / 2;
    Files.write(
        in.resolve("cut-mid-record.pcap"),
        Arrays.copyOf(sample, (int) (records.get(middle) + 16 + 10)));
    byte[] huge = sample.clone(); // record 3 claims 2 GiB: reading stops there, 27 splits later
    ByteBuffer.wrap(huge)
        .order(ByteOrder.LITTLE_ENDIAN)
        .putInt((int) (records.get(3) + 8), 0x7FFFFFFF);
    Files.write(in.resolve("caplen-too-large.pcap"), huge);

    ScanTasks tasks = ScanTasks.listen(spark);
    spark.conf().set("spark.sql.files.maxPartitionBytes", "1g");
    spark.conf().set("spark.sql.files.minPartitionNum", "1");
    reconstruct(whole, in.toString());
    wholeTasks = tasks.takeMost(spark);

    spark.conf().set("spark.sql.files.maxPartitionBytes", "32k");
    spark.conf().set("spark.sql.files.openCostInBytes", "8k");
    reconstruct(split, in.toString());
    splitTasks = tasks.takeMost(spark);

    // Direction tables of two entries: each split's facts come in many pieces, whose sequence
    // spans must chain (in the split, then across splits) into the offsets of the whole-file run.
    spark.sparkContext().conf().set(CaptureScan.MAX_DIRECTIONS, "2");
    reconstruct(pieces, in.toString());
    spark.sparkContext().conf().remove(CaptureScan.MAX_DIRECTIONS);
    tasks.takeMost(spark);

    spark.conf().set("spark.sql.files.maxPartitionBytes", "128k");
    spark.conf().unset("spark.sql.files.openCostInBytes");
    spark.conf().set(CaptureScan.RESCAN_SPLIT_FILES, "true");
    reconstruct(rescanned, in.toString());
    rescanTasks = tasks.takeMost(spark);
  }

  @AfterAll
  static void resetConf() {
    if (spark != null) {
      for (String key :
          List.of(
              "spark.sql.files.maxPartitionBytes",
              "spark.sql.files.minPartitionNum",
              "spark.sql.files.openCostInBytes",
              CaptureScan.RESCAN_SPLIT_FILES)) {
        spark.conf().unset(key);
      }
    }
  }

  @Test
  void tinySplitsGiveTheIndexAndFilesOfTheWholeFileRun() throws Exception {
    IndexSnapshot expected = IndexSnapshot.of(spark, whole);
    assertThat(expected.tables().get("transfers")).hasSizeGreaterThan(25);
    assertThat(expected.files()).hasSizeGreaterThan(25);
    assertSameIndexAndFiles(expected, split);
  }

  @Test
  void directionFactsInManyPiecesGiveTheIndexAndFilesOfTheWholeFileRun() throws Exception {
    assertSameIndexAndFiles(IndexSnapshot.of(spark, whole), pieces);
  }

  @Test
  void filesReadAgainWholeGiveTheSameIndexAndFiles() throws Exception {
    assertSameIndexAndFiles(IndexSnapshot.of(spark, whole), rescanned);
  }

  private static void assertSameIndexAndFiles(IndexSnapshot expected, Path run) throws Exception {
    IndexSnapshot actual = IndexSnapshot.of(spark, run);
    for (String table : IndexSnapshot.TABLES) {
      assertThat(actual.tables().get(table)).as(table).isEqualTo(expected.tables().get(table));
    }
    assertThat(actual.files()).isEqualTo(expected.files());
  }

  @Test
  void theScanRanInManyTasksOnlyWhenSplitSmall() throws Exception {
    long bytes = 0;
    try (Stream<Path> files = Files.list(in)) {
      for (Path f : files.toList()) {
        bytes += Files.size(f);
      }
    }
    // 1g splits, one open cost (4 MiB) per file: the files pack into a few tasks, plus hashing
    assertThat(wholeTasks).isBetween(2, 20);
    assertThat(splitTasks).isGreaterThan((int) (bytes / (32 * 1024)) / 2);
    assertThat(rescanTasks).isGreaterThan(25);
  }

  @Test
  void everyCapturesSha256IsTheWholeFilesInEveryRun() throws Exception {
    for (Path out : List.of(whole, split, rescanned)) {
      List<Row> captures =
          spark.read().parquet(out.resolve("index/captures").toString()).collectAsList();
      assertThat(captures).hasSizeGreaterThan(30);
      for (Row c : captures) {
        Path file =
            in.resolve(Path.of(c.<String>getAs("path").replaceFirst("^file:", "")).getFileName());
        assertThat(c.<String>getAs("sha256")).as(file.toString()).isEqualTo(Hashes.sha256(file));
      }
    }
  }

  @Test
  void damagedCapturesStopWhereTheWholeFileReadStopsWhenSplit() {
    List<Row> captures =
        spark.read().parquet(split.resolve("index/captures").toString()).collectAsList();
    Row cut = byName(captures, "cut-mid-record.pcap");
    int middle = records.size() / 2;
    assertThat(cut.<String>getAs("status")).isEqualTo("damaged");
    assertThat(cut.<Long>getAs("error_offset")).isEqualTo(records.get(middle));
    assertThat(cut.<Long>getAs("packets")).isEqualTo(middle);
    Row huge = byName(captures, "caplen-too-large.pcap");
    assertThat(huge.<String>getAs("status")).isEqualTo("damaged");
    assertThat(huge.<Long>getAs("error_offset")).isEqualTo(records.get(3));
    assertThat(huge.<String>getAs("error")).contains("2147483647");
    assertThat(huge.<Long>getAs("packets")).isEqualTo(3);
  }

  private static Row byName(List<Row> captures, String name) {
    return captures.stream()
        .filter(r -> r.<String>getAs("path").endsWith("/" + name))
        .findFirst()
        .orElseThrow();
  }
}
