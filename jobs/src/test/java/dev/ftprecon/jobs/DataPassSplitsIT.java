package dev.ftprecon.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftprecon.bench.SyntheticCapture;
import dev.ftprecon.jobs.input.CaptureScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.jdk.javaapi.CollectionConverters;

/**
 * What each pass reads, and in how many tasks. The second (data) pass reads only the splits in
 * which the first pass saw an assigned sender's stream: over an archive where FTP is rare, the
 * other captures are read once. Measured with the tasks' input metrics, against the captures' sizes
 * on disk: the first pass covers every byte of both captures, the second exactly the one with the
 * FTP sessions.
 */
class DataPassSplitsIT extends SparkTestBase {
  @TempDir Path tmp;

  @Test
  void capturesWithoutFtpDataAreReadOnceOnly() throws Exception {
    // Small FTP sessions only: the FTP capture fits in one split, the HTTP one takes several.
    Path ftp = tmp.resolve("b-ftp.pcap");
    SyntheticCapture.Result ftpCapture = SyntheticCapture.write(ftp, 0, 0, 4, 64 << 10, 0, 11);
    Path http = tmp.resolve("a-http.pcap");
    SyntheticCapture.write(http, 0, 0, 0, 0, 6L << 20, 12);
    long ftpBytes = Files.size(ftp);
    long httpBytes = Files.size(http);
    assertThat(ftpBytes).isLessThan(1 << 20);

    Map<Integer, Set<String>> rddsOfStage = new ConcurrentHashMap<>();
    Map<Integer, Long> readByStage = new ConcurrentHashMap<>();
    SparkListener listener =
        new SparkListener() {
          @Override
          public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
            rddsOfStage.put(
                submitted.stageInfo().stageId(),
                CollectionConverters.asJava(submitted.stageInfo().rddInfos()).stream()
                    .map(r -> r.name())
                    .collect(Collectors.toSet()));
          }

          @Override
          public void onTaskEnd(SparkListenerTaskEnd end) {
            if (end.taskMetrics() != null) {
              readByStage.merge(
                  end.stageId(), end.taskMetrics().inputMetrics().bytesRead(), Long::sum);
            }
          }
        };
    spark.conf().set("spark.sql.files.maxPartitionBytes", String.valueOf(1 << 20));
    spark.conf().set("spark.sql.files.openCostInBytes", "0");
    spark.sparkContext().addSparkListener(listener);
    try {
      Path out = tmp.resolve("out");
      JobSummary summary = reconstruct(out, http.toString(), ftp.toString());
      spark.sparkContext().listenerBus().waitUntilEmpty();

      assertThat(summary.transfers()).isEqualTo(ftpCapture.files().size());
      assertThat(Hashes.sha256OfEach(out.resolve("files")))
          .containsExactlyInAnyOrderElementsOf(
              ftpCapture.files().values().stream().map(v -> v.split(" ")[0]).toList());
      // The first pass's stage is the first with its RDD; later stages that read the cached scan
      // count the cached blocks as input too, so they are left out.
      int firstPass =
          rddsOfStage.entrySet().stream()
              .filter(e -> names(e.getValue(), CaptureScan.RDD_NAME))
              .mapToInt(Map.Entry::getKey)
              .min()
              .orElseThrow();
      long secondPass =
          rddsOfStage.entrySet().stream()
              .filter(e -> names(e.getValue(), CaptureScan.SELECT_RDD_NAME))
              .mapToLong(e -> readByStage.getOrDefault(e.getKey(), 0L))
              .sum();
      assertThat(readByStage.get(firstPass)).isEqualTo(ftpBytes + httpBytes);
      assertThat(secondPass).isEqualTo(ftpBytes);
    } finally {
      spark.sparkContext().removeSparkListener(listener);
      spark.conf().unset("spark.sql.files.maxPartitionBytes");
      spark.conf().unset("spark.sql.files.openCostInBytes");
    }
  }

  /**
   * The jobs that read the first pass's cached rows (control channels, facts) run one task per
   * core, not one per split: the first pass here has 4 splits or more, on {@code local[2]}.
   */
  @Test
  void theJobsAfterTheFirstPassRunOneTaskPerCore() throws Exception {
    Path ftp = tmp.resolve("b-ftp.pcap");
    SyntheticCapture.Result ftpCapture = SyntheticCapture.write(ftp, 0, 0, 4, 64 << 10, 0, 13);
    Path http = tmp.resolve("a-http.pcap");
    SyntheticCapture.write(http, 0, 0, 0, 0, 3L << 20, 14);

    Map<Integer, Set<String>> rddsOfStage = new ConcurrentHashMap<>();
    Map<Integer, Integer> tasksOfStage = new ConcurrentHashMap<>();
    SparkListener listener =
        new SparkListener() {
          @Override
          public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
            int stage = submitted.stageInfo().stageId();
            tasksOfStage.put(stage, submitted.stageInfo().numTasks());
            rddsOfStage.put(
                stage,
                CollectionConverters.asJava(submitted.stageInfo().rddInfos()).stream()
                    .map(r -> r.name())
                    .collect(Collectors.toSet()));
          }
        };
    spark.conf().set("spark.sql.files.maxPartitionBytes", String.valueOf(1 << 20));
    spark.conf().set("spark.sql.files.openCostInBytes", "0");
    spark.sparkContext().addSparkListener(listener);
    try {
      Path out = tmp.resolve("out");
      JobSummary summary = reconstruct(out, http.toString(), ftp.toString());
      spark.sparkContext().listenerBus().waitUntilEmpty();

      assertThat(summary.transfers()).isEqualTo(ftpCapture.files().size());
      int cores = spark.sparkContext().defaultParallelism();
      List<Integer> scanStages =
          rddsOfStage.entrySet().stream()
              .filter(e -> names(e.getValue(), CaptureScan.RDD_NAME))
              .map(Map.Entry::getKey)
              .sorted()
              .toList();
      assertThat(tasksOfStage.get(scanStages.get(0))).as("first pass").isGreaterThanOrEqualTo(4);
      assertThat(scanStages).as("stages reading the cached rows").hasSizeGreaterThan(1);
      for (int stage : scanStages.subList(1, scanStages.size())) {
        assertThat(tasksOfStage.get(stage))
            .as("tasks of stage %d", stage)
            .isLessThanOrEqualTo(cores);
      }
    } finally {
      spark.sparkContext().removeSparkListener(listener);
      spark.conf().unset("spark.sql.files.maxPartitionBytes");
      spark.conf().unset("spark.sql.files.openCostInBytes");
    }
  }

  /**
   * Whether one of a stage's RDD names is {@code rdd}, or a scan of it ("Scan ExistingRDD
   * rdd[...").
   */
  private static boolean names(Set<String> rddNames, String rdd) {
    return rddNames.stream().anyMatch(n -> n.equals(rdd) || n.contains(" " + rdd + "["));
  }
}
