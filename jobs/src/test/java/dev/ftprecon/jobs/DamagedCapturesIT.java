package dev.ftprecon.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged inputs beside an intact capture in one run: each damaged one gets its status and error
 * (with the byte offset where reading stopped) in the captures table, every good record before the
 * damage is used, and the intact capture is unaffected. The damaged files are made here, by fixed
 * edits of a real sample; record offsets are found by walking the classic pcap layout
 * (draft-ietf-opsawg-pcap §4-5: a 24-byte file header, then 16-byte record headers whose captured
 * length follows at offset 8).
 */
class DamagedCapturesIT extends SparkTestBase {
  private static final String SAMPLE = "samples/pasv-download-ipv4-pureftpd-curl.pcap";
  private static final String INTACT = "samples/port-download-ipv4-pureftpd-curl.pcap";

  @TempDir static Path in;
  @TempDir static Path out;
  private static List<Long> records;
  private static List<Row> captures;
  private static JobSummary summary;

  @BeforeAll
  static void runOnDamagedInputs() throws Exception {
    byte[] sample = Files.readAllBytes(repoRoot().resolve(SAMPLE));
    records = recordOffsets(sample);
    int middle = records.size() / 2;
    long cut = records.get(middle) + 16 + 10; // inside the middle record's data
    Files.write(in.resolve("cut-mid-record.pcap"), Arrays.copyOf(sample, (int) cut));
    byte[] huge = sample.clone();
    ByteBuffer.wrap(huge)
        .order(ByteOrder.LITTLE_ENDIAN)
        .putInt((int) (records.get(3) + 8), 0x7FFFFFFF);
    Files.write(in.resolve("caplen-too-large.pcap"), huge);
    byte[] garbage = new byte[4096];
    new SplittableRandom(42).nextBytes(garbage);
    garbage[0] = 0x3c; // never a capture magic
    Files.write(in.resolve("garbage.pcap"), garbage);
    Files.write(in.resolve("empty.pcap"), new byte[0]);
    Files.copy(repoRoot().resolve(INTACT), in.resolve("intact.pcap"));
    summary = reconstruct(out, in.toString());
    captures = spark.read().parquet(out.resolve("index/captures").toString()).collectAsList();
  }

  private static Row capture(String name) {
    return captures.stream()
        .filter(r -> r.<String>getAs("path").endsWith("/" + name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aCaptureCutMidRecordKeepsEveryRecordBeforeTheCut() {
    Row r = capture("cut-mid-record.pcap");
    int middle = records.size() / 2;
    assertThat(r.<String>getAs("status")).isEqualTo("damaged");
    assertThat(r.<Long>getAs("error_offset")).isEqualTo(records.get(middle));
    assertThat(r.<String>getAs("error")).contains("offset " + records.get(middle));
    assertThat(r.<Long>getAs("packets")).isEqualTo(middle);
  }

  @Test
  void anImpossibleRecordLengthStopsReadingThereWithTheLengthInTheError() {
    Row r = capture("caplen-too-large.pcap");
    assertThat(r.<String>getAs("status")).isEqualTo("damaged");
    assertThat(r.<Long>getAs("error_offset")).isEqualTo(records.get(3));
    assertThat(r.<String>getAs("error")).contains("2147483647");
    assertThat(r.<Long>getAs("packets")).isEqualTo(3);
  }

  @Test
  void garbageAndEmptyFilesAreUnreadableWithTheReason() {
    assertThat(capture("garbage.pcap").<String>getAs("status")).isEqualTo("unreadable");
    assertThat(capture("garbage.pcap").<String>getAs("error")).contains("3c");
    assertThat(capture("empty.pcap").<String>getAs("status")).isEqualTo("unreadable");
    assertThat(capture("empty.pcap").<String>getAs("error")).contains("empty");
    assertThat(capture("garbage.pcap").<String>getAs("sha256")).hasSize(64);
  }

  @Test
  void theIntactCaptureBesideThemIsUnaffected() throws Exception {
    assertThat(capture("intact.pcap").<String>getAs("status")).isEqualTo("ok");
    List<Row> transfers =
        spark
            .read()
            .parquet(out.resolve("index/transfers").toString())
            .where("path = 'dataset.bin'")
            .collectAsList();
    // testdata/expected/port-download-ipv4-pureftpd-curl.pcap.json: the original file's sha256
    String expected =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(
                repoRoot()
                    .resolve("testdata/expected/port-download-ipv4-pureftpd-curl.pcap.json")
                    .toFile())
            .get("transfers")
            .get(0)
            .get("sha256")
            .asText();
    assertThat(transfers).hasSize(1);
    assertThat(transfers.get(0).<String>getAs("sha256")).isEqualTo(expected);
    assertThat(summary.damagedCaptures()).isEqualTo(2);
    assertThat(summary.unreadableCaptures()).isEqualTo(2);
  }

  /** Record header offsets of a little-endian classic pcap, walked by hand. */
  private static List<Long> recordOffsets(byte[] pcap) {
    ByteBuffer b = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(b.getInt(0)).isEqualTo(0xa1b2c3d4); // the samples are little-endian, microseconds
    List<Long> offsets = new ArrayList<>();
    for (long at = 24; at + 16 <= pcap.length; at += 16 + b.getInt((int) at + 8)) {
      offsets.add(at);
    }
    return offsets;
  }
}
