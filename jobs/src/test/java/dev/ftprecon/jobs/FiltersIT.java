package dev.ftprecon.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job's filters on the samples. What each filter should keep is worked out from
 * testdata/expected/*.json (directions, users, names, sizes of the original files, endpoints) and,
 * for times, from tshark's first and last frame of each capture.
 */
class FiltersIT extends SparkTestBase {
  @TempDir static Path out;

  @Test
  void directionAndHostKeepOnlyTheIpv4Uploads() throws Exception {
    check(
        "upload-v4",
        t -> t.direction().equals("upload") && t.serverIp().startsWith("192.0.2."),
        "--direction",
        "upload",
        "--host",
        "192.0.2.0/24");
  }

  @Test
  void anIpv6BlockKeepsTheIpv6SessionsAndTheirTransfers() throws Exception {
    JsonNode manifest =
        check("v6", t -> t.serverIp().startsWith("2001:db8:"), "--host", "2001:db8::/32");
    assertThat(manifest.get("options").get("filters").get("hosts").get(0).asText())
        .isEqualTo("2001:db8::/32");
    long v6Sessions = 0;
    for (JsonNode c : ExpectedSamples.captures(repoRoot())) {
      for (JsonNode s : c.get("sessions")) {
        v6Sessions += s.get("ip_version").asInt() == 6 ? 1 : 0;
      }
    }
    assertThat(spark.read().parquet(out.resolve("v6/index/sessions").toString()).count())
        .isEqualTo(v6Sessions);
  }

  @Test
  void aPortKeepsTheSessionOnThatPort() throws Exception {
    check("port", t -> t.serverPort() == 2121, "--port", "2121");
    assertThat(spark.read().parquet(out.resolve("port/index/sessions").toString()).count())
        .isEqualTo(1);
  }

  @Test
  void userPathGlobAndSizeBoundsCombine() throws Exception {
    JsonNode manifest =
        check(
            "user-path-size",
            t ->
                t.user().equals("alice")
                    && t.path().endsWith(".bin")
                    && t.bytes() >= 200 * 1024
                    && t.bytes() <= 400_000,
            "--user",
            "alice",
            "--path",
            "*.bin",
            "--min-size",
            "200k",
            "--max-size",
            "400000");
    JsonNode filters = manifest.get("options").get("filters");
    assertThat(filters.get("users").get(0).asText()).isEqualTo("alice");
    assertThat(filters.get("paths").get(0).asText()).isEqualTo("*.bin");
    assertThat(filters.get("min_size").asLong()).isEqualTo(204800);
    assertThat(filters.get("max_size").asLong()).isEqualTo(400000);
  }

  @Test
  void aTimeRangeKeepsTheCapturesThatLieInIt() throws Exception {
    // tshark: the port-download sample's first and last frame; no other sample overlaps it.
    Path capture = repoRoot().resolve("samples/port-download-ipv4-pureftpd-curl.pcap");
    List<List<String>> frames = Tshark.fields(capture, "frame", "frame.time_epoch");
    Instant first = instant(frames.get(0).get(0));
    Instant last = instant(frames.get(frames.size() - 1).get(0)).plusMillis(1);
    check(
        "time",
        t -> t.capture().equals(capture.getFileName().toString()),
        "--from",
        first.toString(),
        "--until",
        last.toString());
  }

  @Test
  void aHostBlockThatNoSampleUsesLeavesAlmostNothingToShuffle() throws Exception {
    // TEST-NET-3 (RFC 5737): no sample capture has an address there, so no control connection
    // reaches the control pass's shuffle and, with no session, no data segment reaches the data
    // pass's: the filter applies to segment rows, before any grouping. What is left is the index
    // writer's bookkeeping (a couple of records), against every control segment and every run of
    // data segment pointers (TaggedSegments) of the samples without the filter.
    long unfiltered = shuffledRecords("no-filter");
    long filtered = shuffledRecords("no-host", "--host", "203.0.113.0/24");
    assertThat(unfiltered).as("records shuffled without a filter").isGreaterThan(500);
    assertThat(filtered).as("records shuffled with the filter").isLessThan(unfiltered / 100);
    assertThat(spark.read().parquet(out.resolve("no-host/index/sessions").toString()).count())
        .isZero();
    assertThat(spark.read().parquet(out.resolve("no-host/index/transfers").toString()).count())
        .isZero();
  }

  /** Runs the job on the samples with the filters; returns the shuffle records written. */
  private static long shuffledRecords(String name, String... filters) throws Exception {
    AtomicLong shuffled = new AtomicLong();
    SparkListener listener =
        new SparkListener() {
          @Override
          public void onTaskEnd(SparkListenerTaskEnd end) {
            if (end.taskMetrics() != null) {
              shuffled.addAndGet(end.taskMetrics().shuffleWriteMetrics().recordsWritten());
            }
          }
        };
    List<String> args = new ArrayList<>(List.of("-o", out.resolve(name).toString()));
    args.addAll(List.of(filters));
    args.add(repoRoot().resolve("samples").toString());
    spark.sparkContext().addSparkListener(listener);
    try {
      new FtpReconstructJob(spark, ReconstructOptions.parse(args.toArray(String[]::new))).run();
      spark.sparkContext().listenerBus().waitUntilEmpty();
    } finally {
      spark.sparkContext().removeSparkListener(listener);
    }
    return shuffled.get();
  }

  /** Runs the job with the filters and compares its transfers with those the predicate keeps. */
  private static JsonNode check(
      String name, Predicate<ExpectedSamples.Transfer> keep, String... filters) throws Exception {
    List<String> args = new ArrayList<>(List.of("-o", out.resolve(name).toString()));
    args.addAll(List.of(filters));
    args.add(repoRoot().resolve("samples").toString());
    new FtpReconstructJob(spark, ReconstructOptions.parse(args.toArray(String[]::new))).run();

    List<String> expected = new ArrayList<>();
    for (ExpectedSamples.Transfer t : ExpectedSamples.transfers(repoRoot())) {
      if (keep.test(t)) {
        expected.add(t.command() + " " + t.path() + " " + t.clientIp() + " " + t.serverIp());
      }
    }
    List<String> actual = new ArrayList<>();
    List<Row> rows =
        spark.read().parquet(out.resolve(name + "/index/transfers").toString()).collectAsList();
    for (Row r : rows) {
      actual.add(
          r.getAs("command")
              + " "
              + r.getAs("path")
              + " "
              + r.getAs("client_ip")
              + " "
              + r.getAs("server_ip"));
    }
    assertThat(expected).as(name).isNotEmpty();
    assertThat(actual).as(name).containsExactlyInAnyOrderElementsOf(expected);
    // Only the kept transfers' files were written: the others' data was never assembled.
    long files;
    try (Stream<Path> list = Files.list(out.resolve(name + "/files"))) {
      files = list.count();
    }
    assertThat(files)
        .as(name)
        .isEqualTo(rows.stream().filter(r -> r.getAs("file") != null).count());
    return new ObjectMapper().readTree(out.resolve(name + "/run-manifest.json").toFile());
  }

  private static Instant instant(String epoch) {
    String[] parts = epoch.split("\\.");
    String frac = (parts.length > 1 ? parts[1] : "") + "000000000";
    return Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(frac.substring(0, 9)));
  }
}
