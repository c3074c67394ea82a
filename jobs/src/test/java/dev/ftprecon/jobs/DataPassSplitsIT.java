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
 * What each pass reads, and in how many tasks. With the first pass's segment logs, the data pass
 * reads no capture again; without them (a split whose logs outgrew their budget, here a budget of
 * 0), it reads only the splits in which the first pass saw an assigned sender's stream: over an
 * archive where FTP is rare, the other captures are read once. Measured with the tasks' input
 * metrics, against the captures' sizes on disk: the first pass covers every byte of both captures,
 * the second exactly the one with the FTP sessions, or nothing.
 */
class DataPassSplitsIT extends SparkTestBase {
  @TempDir Path tmp;

  @Test
  void withoutLogsOnlyTheCapturesWithFtpDataAreReadAgain() throws Exception {
    Captures c = captures(11, 6L << 20, 12);
    long ftpBytes = Files.size(c.ftp());
    long httpBytes = Files.size(c.http());

    Path out = tmp.resolve("out");
    Stages stages = new Stages();
    spark.conf().set(CaptureScan.MAX_LOG_BYTES, "0");
    JobSummary summary;
    try {
      summary = reconstructWatched(stages, out, c);
    } finally {
      spark.conf().unset(CaptureScan.MAX_LOG_BYTES);
    }

    c.assertExact(summary, out);
    // The first pass's stage is the first with its RDD; later stages that read the cached scan
    // count the cached blocks as input too, so they are left out.
    int firstPass = stages.with(CaptureScan.RDD_NAME).get(0);
    long secondPass =
        stages.with(CaptureScan.SELECT_RDD_NAME).stream()
            .mapToLong(stage -> stages.read.getOrDefault(stage, 0L))
            .sum();
    assertThat(stages.read.get(firstPass)).isEqualTo(ftpBytes + httpBytes);
    assertThat(secondPass).isEqualTo(ftpBytes);
    assertThat(stages.with(CaptureScan.REPLAY_RDD_NAME)).isEmpty();
  }

  /**
   * With the logs (the default), the data pass replays them from the first pass's cache: no stage
   * after the first pass reads a capture, and every file is still exact.
   */
  @Test
  void withLogsNoCaptureIsReadAfterTheFirstPass() throws Exception {
    Captures c = captures(15, 3L << 20, 16);
    Path out = tmp.resolve("out");
    Stages stages = new Stages();
    JobSummary summary = reconstructWatched(stages, out, c);

    c.assertExact(summary, out);
    assertThat(stages.with(CaptureScan.SELECT_RDD_NAME)).isEmpty();
    assertThat(stages.with(CaptureScan.REPLAY_RDD_NAME)).isNotEmpty();
  }

  /**
   * The jobs that read the first pass's cached rows (control channels, facts) run one task per
   * core, not one per split: the first pass here has 4 splits or more, on {@code local[2]}.
   */
  @Test
  void theJobsAfterTheFirstPassRunOneTaskPerCore() throws Exception {
    Captures c = captures(13, 3L << 20, 14);
    Path out = tmp.resolve("out");
    Stages stages = new Stages();
    JobSummary summary = reconstructWatched(stages, out, c);

    c.assertExact(summary, out);
    int cores = spark.sparkContext().defaultParallelism();
    List<Integer> scanStages = stages.with(CaptureScan.RDD_NAME);
    assertThat(stages.tasks.get(scanStages.get(0))).as("first pass").isGreaterThanOrEqualTo(4);
    assertThat(scanStages).as("stages reading the cached rows").hasSizeGreaterThan(1);
    for (int stage : scanStages.subList(1, scanStages.size())) {
      assertThat(stages.tasks.get(stage)).as("tasks of stage %d", stage).isLessThanOrEqualTo(cores);
    }
  }

  /** An FTP capture of four small sessions and an HTTP-only capture, and what the FTP one holds. */
  private record Captures(Path ftp, Path http, SyntheticCapture.Result ftpCapture) {
    /** Every file of the FTP capture, exact by the generator's sha256, and nothing else. */
    void assertExact(JobSummary summary, Path out) throws Exception {
      assertThat(summary.transfers()).isEqualTo(ftpCapture.files().size());
      assertThat(Hashes.sha256OfEach(out.resolve("files")))
          .containsExactlyInAnyOrderElementsOf(
              ftpCapture.files().values().stream().map(v -> v.split(" ")[0]).toList());
    }
  }

  /**
   * The FTP capture fits in one 1 MiB split; the HTTP one, of {@code httpPayload} bytes, takes
   * several.
   */
  private Captures captures(int ftpSeed, long httpPayload, int httpSeed) throws Exception {
    Path ftp = tmp.resolve("b-ftp.pcap");
    SyntheticCapture.Result ftpCapture = SyntheticCapture.write(ftp, 0, 0, 4, 64 << 10, 0, ftpSeed);
    Path http = tmp.resolve("a-http.pcap");
    SyntheticCapture.write(http, 0, 0, 0, 0, httpPayload, httpSeed);
    assertThat(Files.size(ftp)).isLessThan(1 << 20);
    return new Captures(ftp, http, ftpCapture);
  }

  /** What a listener saw of each stage: its RDDs' names, its tasks, the bytes its tasks read. */
  private static final class Stages extends SparkListener {
    final Map<Integer, Set<String>> rdds = new ConcurrentHashMap<>();
    final Map<Integer, Integer> tasks = new ConcurrentHashMap<>();
    final Map<Integer, Long> read = new ConcurrentHashMap<>();

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
      int stage = submitted.stageInfo().stageId();
      tasks.put(stage, submitted.stageInfo().numTasks());
      rdds.put(
          stage,
          CollectionConverters.asJava(submitted.stageInfo().rddInfos()).stream()
              .map(r -> r.name())
              .collect(Collectors.toSet()));
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
      if (end.taskMetrics() != null) {
        read.merge(end.stageId(), end.taskMetrics().inputMetrics().bytesRead(), Long::sum);
      }
    }

    /**
     * The stages, in order, one of whose RDDs is {@code rdd} or a scan of it ("Scan ExistingRDD
     * rdd[...").
     */
    List<Integer> with(String rdd) {
      return rdds.entrySet().stream()
          .filter(
              e ->
                  e.getValue().stream().anyMatch(n -> n.equals(rdd) || n.contains(" " + rdd + "[")))
          .map(Map.Entry::getKey)
          .sorted()
          .toList();
    }
  }

  /** Runs the job on both captures cut into 1 MiB splits, with {@code stages} listening. */
  private static JobSummary reconstructWatched(Stages stages, Path out, Captures c)
      throws Exception {
    spark.conf().set("spark.sql.files.maxPartitionBytes", String.valueOf(1 << 20));
    spark.conf().set("spark.sql.files.openCostInBytes", "0");
    spark.sparkContext().addSparkListener(stages);
    try {
      JobSummary summary = reconstruct(out, c.http().toString(), c.ftp().toString());
      spark.sparkContext().listenerBus().waitUntilEmpty();
      return summary;
    } finally {
      spark.sparkContext().removeSparkListener(stages);
      spark.conf().unset("spark.sql.files.maxPartitionBytes");
      spark.conf().unset("spark.sql.files.openCostInBytes");
    }
  }
}
