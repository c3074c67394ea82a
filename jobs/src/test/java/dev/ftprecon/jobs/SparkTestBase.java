package dev.ftprecon.jobs;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Owns the one SparkSession of a test class: local[2], no UI, driver on loopback. */
public abstract class SparkTestBase {
  protected static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("ftprecon-test")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "4")
            .getOrCreate();
  }

  @AfterAll
  static void stopSpark() {
    if (spark != null) {
      spark.stop();
      spark = null;
    }
  }

  /** The repository root (failsafe sets ftprecon.repo.root; IDE runs start in jobs/). */
  protected static Path repoRoot() {
    String root = System.getProperty("ftprecon.repo.root");
    return (root != null ? Path.of(root) : Path.of("..")).toAbsolutePath().normalize();
  }

  protected static JobSummary reconstruct(Path output, String... inputs) throws Exception {
    String[] args = new String[inputs.length + 2];
    args[0] = "-o";
    args[1] = output.toString();
    System.arraycopy(inputs, 0, args, 2, inputs.length);
    return new FtpReconstructJob(spark, ReconstructOptions.parse(args)).run();
  }
}
