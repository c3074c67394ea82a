package dev.ftprecon.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ftprecon.jobs.index.OutputDirectory;
import dev.ftprecon.jobs.sql.IndexViews;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application jar on a real Spark standalone cluster (a Master and two Workers on loopback,
 * started from the project's Spark jars), submitted as spark-submit does: its output must be that
 * of a local run on the same captures, also when an executor is killed in the middle of assembling
 * files; a killed driver must leave nothing that looks like a complete output. The input is several
 * copies of samples/, so that the job has enough tasks to be interrupted.
 *
 * <p>Points of the run are found in the driver's log (Spark's INFO lines): the assembling stage is
 * the result stage whose RDD was made by {@code mapPartitions at DataChannels.java}; an index table
 * is written when a {@code parquet at IndexWriter.java} job finishes. Logs:
 * jobs/target/cluster-it/.
 */
@Timeout(value = 12, unit = TimeUnit.MINUTES)
class StandaloneClusterIT extends SparkTestBase {
  private static final int COPIES = 2;
  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(5);
  private static final String MAIN = "dev.ftprecon.jobs.FtpReconstructMain";
  private static final Pattern ASSEMBLE_STAGE =
      Pattern.compile("Submitting ResultStage (\\d+) \\(.*mapPartitions at DataChannels\\.java");
  private static final Pattern INDEX_TABLE_WRITTEN =
      Pattern.compile("Job \\d+ finished: parquet at IndexWriter\\.java");
  private static final Pattern APP_ID =
      Pattern.compile("Connected to Spark cluster with app ID (\\S+)");
  private static final Pattern EXECUTOR_ID = Pattern.compile("--executor-id\\s+(\\S+)");

  @TempDir static Path tmp;
  private static Path logs;
  private static Path input;
  private static StandaloneCluster cluster;
  private static OutputSnapshot local;
  private final List<Process> drivers = new ArrayList<>();

  @BeforeAll
  static void startTheClusterAndRunLocally() throws Exception {
    logs = repoRoot().resolve("jobs/target/cluster-it/run-" + System.currentTimeMillis());
    input = tmp.resolve("captures");
    List<Path> samples;
    try (Stream<Path> files = Files.list(repoRoot().resolve("samples"))) {
      samples = files.filter(Files::isRegularFile).sorted().toList();
    }
    for (int i = 0; i < COPIES; i++) {
      Path copy = Files.createDirectories(input.resolve("copy-" + i));
      for (Path sample : samples) {
        Files.copy(sample, copy.resolve(sample.getFileName()));
      }
    }
    cluster = StandaloneCluster.start(logs, 2);
    Path localOut = tmp.resolve("local");
    reconstruct(localOut, input.toString());
    local = OutputSnapshot.read(spark, localOut.toString(), input.toString());
  }

  /** A driver left running by a failed test would hold the cluster's cores. */
  @AfterEach
  void killDriversLeftRunning() {
    drivers.forEach(StandaloneCluster::kill);
    drivers.clear();
  }

  @AfterAll
  static void stopTheCluster() {
    if (cluster != null) {
      cluster.close();
      cluster = null;
    }
  }

  @Test
  void theSubmittedApplicationJarWritesWhatTheLocalRunWrites() throws Exception {
    Path out = tmp.resolve("submitted");
    Process driver = submit("submitted", out);
    ProcessLog log = new ProcessLog(logs.resolve("submitted.log"));

    assertThat(exitOf(driver)).as("exit status; see " + log.file()).isZero();
    // Both workers ran tasks: this was a cluster, not a local run in disguise.
    assertThat(log.contains(Pattern.compile("Finished task .* \\(executor 0\\)"))).isTrue();
    assertThat(log.contains(Pattern.compile("Finished task .* \\(executor 1\\)"))).isTrue();
    assertCommitted(out);
    OutputSnapshot.read(spark, out.toString(), input.toString()).assertSameAs(local);
  }

  @Test
  void anExecutorKilledWhileAssemblingFilesChangesNothingInTheOutput() throws Exception {
    Path out = tmp.resolve("executor-killed");
    Process driver = submit("executor-killed", out);
    ProcessLog log = new ProcessLog(logs.resolve("executor-killed.log"));

    String app = awaitLine(log, driver, APP_ID).group(1);
    String stage = awaitLine(log, driver, ASSEMBLE_STAGE).group(1);
    ProcessHandle executor = executorOf(cluster.worker(1), app);
    String id = executorId(executor);
    awaitLine(
        log,
        driver,
        Pattern.compile(
            "Starting task \\S+ in stage "
                + stage
                + "\\.\\d+ \\(TID \\d+\\) \\(127\\.0\\.0\\.1,\\s*executor "
                + id
                + ","));
    executor.destroyForcibly();
    // Nothing is presented as done while the job runs.
    assertThat(out.resolve(OutputDirectory.SUCCESS)).doesNotExist();
    assertThat(out.resolve(OutputDirectory.INDEX)).doesNotExist();

    assertThat(exitOf(driver)).as("exit status; see " + log.file()).isZero();
    assertThat(log.contains(Pattern.compile("Lost executor " + id + " "))).isTrue();
    assertThat(
            log.contains(
                Pattern.compile(
                    "task \\S+ in stage "
                        + stage
                        + "\\.\\d+ \\(TID \\d+\\) "
                        // Spark 4.1's wording, and the older one
                        + "(failed because while it was being computed, its executor exited"
                        + "|.*ExecutorLostFailure)")))
        .as("an assembling task was running on the killed executor")
        .isTrue();
    assertCommitted(out);
    OutputSnapshot after = OutputSnapshot.read(spark, out.toString(), input.toString());
    after.assertEveryFileIsWhatItsTransferRowSays();
    after.assertSameAs(local);
  }

  @Test
  void aDriverKilledWhileWritingTheIndexLeavesNothingThatLooksComplete() throws Exception {
    Path out = tmp.resolve("driver-killed");
    Process driver = submit("driver-killed", out);
    ProcessLog log = new ProcessLog(logs.resolve("driver-killed.log"));

    awaitLine(log, driver, INDEX_TABLE_WRITTEN);
    StandaloneCluster.kill(driver);
    assertThat(driver.exitValue()).isNotZero();

    List<Path> left;
    try (Stream<Path> entries = Files.list(out)) {
      left = entries.filter(p -> !p.getFileName().toString().endsWith(".crc")).toList();
    }
    assertThat(left)
        .as("only the hidden staging directory of the killed run")
        .singleElement()
        .satisfies(p -> assertThat(p.getFileName().toString()).startsWith("_ftprecon-staging-"));
    assertThat(left.get(0).resolve(OutputDirectory.INDEX)).isDirectory();
    assertThatThrownBy(() -> IndexViews.register(spark, out.toString()))
        .hasMessageContaining("index");

    // The next run into the same OUT clears the leftovers and writes the whole output.
    reconstruct(out, input.toString());
    assertCommitted(out);
    OutputSnapshot.read(spark, out.toString(), input.toString()).assertSameAs(local);
  }

  private Process submit(String name, Path out) throws IOException {
    Process driver =
        cluster.submit(
            logs.resolve(name + ".log"),
            List.of(
                "spark.ui.enabled=false",
                "spark.driver.host=127.0.0.1",
                "spark.driver.bindAddress=127.0.0.1",
                "spark.executor.memory=768m",
                "spark.executor.cores=1",
                "spark.cores.max=2",
                "spark.sql.shuffle.partitions=4"),
            MAIN,
            appJar(),
            "-o",
            out.toString(),
            input.toString());
    drivers.add(driver);
    return driver;
  }

  /** The shaded jar that package built (failsafe runs after package and names it). */
  private static Path appJar() {
    String jar = System.getProperty("ftprecon.app.jar");
    assertThat(jar).as("system property ftprecon.app.jar (set by failsafe)").isNotNull();
    assertThat(Path.of(jar)).as("the application jar; run through 'mvn verify'").isRegularFile();
    return Path.of(jar);
  }

  private static Matcher awaitLine(ProcessLog log, Process driver, Pattern pattern)
      throws Exception {
    Optional<Matcher> m = log.await(pattern, 0, JOB_TIMEOUT, driver::isAlive);
    return m.orElseThrow(
        () ->
            new AssertionError(
                "driver exited ("
                    + driver.exitValue()
                    + ") before a line matching "
                    + pattern
                    + "; see "
                    + log.file()));
  }

  private static int exitOf(Process driver) throws InterruptedException {
    if (!driver.waitFor(JOB_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      StandaloneCluster.kill(driver);
      throw new AssertionError("driver still running after " + JOB_TIMEOUT);
    }
    return driver.exitValue();
  }

  /** The executor JVM the worker launched for the application (not one of an earlier run). */
  private static ProcessHandle executorOf(Process worker, String app) throws InterruptedException {
    long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<ProcessHandle> executor =
          worker
              .descendants()
              .filter(
                  p -> p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"))
              .filter(p -> p.info().commandLine().orElse("").contains("--app-id " + app))
              .findFirst();
      if (executor.isPresent()) {
        return executor.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("worker 1 launched no executor within " + JOB_TIMEOUT);
  }

  private static String executorId(ProcessHandle executor) {
    Matcher m = EXECUTOR_ID.matcher(executor.info().commandLine().orElse(""));
    assertThat(m.find()).as("executor command line names its id").isTrue();
    return m.group(1);
  }

  private static void assertCommitted(Path out) throws IOException {
    try (Stream<Path> entries = Files.list(out)) {
      // Hadoop's local file system keeps a checksum beside each file it wrote: ".NAME.crc".
      assertThat(entries.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".crc")))
          .containsExactlyInAnyOrder(
              OutputDirectory.FILES,
              OutputDirectory.INDEX,
              OutputDirectory.MANIFEST,
              OutputDirectory.SUCCESS);
    }
  }
}
