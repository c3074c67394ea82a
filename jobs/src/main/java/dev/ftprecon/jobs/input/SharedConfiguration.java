package dev.ftprecon.jobs.input;

import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * The driver's Hadoop configuration (file system settings, credentials) for the job's tasks, as a
 * broadcast: each executor deserializes it once, not once per task. Shipped inside every task's
 * closure, the ~1,000 properties of a Configuration were read back per task (Hadoop's Writable
 * strings, each compressed), often enough that C2 spent 1.7 s of a 4.93 GB run compiling
 * WritableUtils and Text. Tasks only read it.
 */
public final class SharedConfiguration implements Serializable {
  private static final long serialVersionUID = 1L;
  private final Broadcast<SerializableConfiguration> broadcast;

  private SharedConfiguration(Broadcast<SerializableConfiguration> broadcast) {
    this.broadcast = broadcast;
  }

  /** Broadcasts the session's Hadoop configuration as it is now. */
  public static SharedConfiguration of(SparkSession spark) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    return new SharedConfiguration(
        jsc.broadcast(new SerializableConfiguration(spark.sparkContext().hadoopConfiguration())));
  }

  public Configuration value() {
    return broadcast.value().value();
  }
}
