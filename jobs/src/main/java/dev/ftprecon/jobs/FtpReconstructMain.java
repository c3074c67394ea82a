package dev.ftprecon.jobs;

import dev.ftprecon.jobs.ReconstructOptions.UsageException;
import dev.ftprecon.jobs.input.CaptureInputs.MissingInputException;
import java.io.PrintStream;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Entry point of {@code bin/ftp-reconstruct} and of {@code spark-submit --class
 * dev.ftprecon.jobs.FtpReconstructMain}. Exit status: 0 the job ran, 1 it failed, 2 usage error, 3
 * damaged inputs with --fail-on-damaged.
 */
public final class FtpReconstructMain {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;
  public static final int DAMAGED = 3;

  private FtpReconstructMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    ReconstructOptions options;
    try {
      options = ReconstructOptions.parse(args);
    } catch (UsageException e) {
      err.println("ftp-reconstruct: " + e.getMessage());
      err.println("try 'ftp-reconstruct --help'");
      return USAGE;
    }
    if (options.help()) {
      out.println(ReconstructOptions.USAGE);
      return OK;
    }
    SparkSession spark = session(options);
    try {
      JobSummary summary = new FtpReconstructJob(spark, options).run();
      out.println(summary);
      if (options.failOnDamaged() && summary.damagedCaptures() + summary.unreadableCaptures() > 0) {
        err.println(
            "ftp-reconstruct: "
                + (summary.damagedCaptures() + summary.unreadableCaptures())
                + " inputs damaged or not captures (--fail-on-damaged); see the captures table");
        return DAMAGED;
      }
      return OK;
    } catch (MissingInputException e) {
      err.println("ftp-reconstruct: " + e.getMessage());
      return USAGE;
    } catch (Exception e) {
      err.println("ftp-reconstruct: job failed: " + e);
      e.printStackTrace(err);
      return FAILED;
    } finally {
      spark.stop();
    }
  }

  /**
   * The session: spark-submit's settings win; without a master we run an embedded local Spark,
   * trimmed for one machine (no UI, driver on loopback).
   */
  static SparkSession session(ReconstructOptions options) {
    SparkConf conf = new SparkConf().setAppName("ftp-reconstruct");
    if (options.master() != null) {
      conf.setMaster(options.master());
    } else if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    if (conf.get("spark.master").startsWith("local")) {
      conf.setIfMissing("spark.ui.enabled", "false");
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    }
    for (Map.Entry<String, String> e : options.sparkConf().entrySet()) {
      conf.set(e.getKey(), e.getValue());
    }
    return SparkSession.builder().config(conf).getOrCreate();
  }
}
