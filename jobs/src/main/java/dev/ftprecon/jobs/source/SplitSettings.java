package dev.ftprecon.jobs.source;

import java.io.Serializable;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.internal.SQLConf;

/**
 * Spark's file-source settings that size the splits, read once on the driver so that users tune
 * capture input as they tune Parquet or CSV input.
 *
 * @param maxPartitionBytes {@code spark.sql.files.maxPartitionBytes}
 * @param openCostInBytes {@code spark.sql.files.openCostInBytes}: what opening a file costs,
 *     expressed as bytes one could have read instead
 * @param minPartitionNum {@code spark.sql.files.minPartitionNum}, else the leaf-node default
 *     parallelism (the cores of the cluster)
 * @param maxPartitionNum {@code spark.sql.files.maxPartitionNum}; 0 when unset
 */
public record SplitSettings(
    long maxPartitionBytes, long openCostInBytes, int minPartitionNum, int maxPartitionNum)
    implements Serializable {
  public SplitSettings {
    if (maxPartitionBytes <= 0 || openCostInBytes < 0 || minPartitionNum <= 0) {
      throw new IllegalArgumentException(
          "split settings maxPartitionBytes="
              + maxPartitionBytes
              + " openCostInBytes="
              + openCostInBytes
              + " minPartitionNum="
              + minPartitionNum
              + " (expected: > 0, >= 0, > 0)");
    }
  }

  public static SplitSettings of(SparkSession spark) {
    org.apache.spark.sql.classic.SparkSession session =
        (org.apache.spark.sql.classic.SparkSession) spark;
    SQLConf conf = session.sessionState().conf();
    int minPartitions =
        conf.filesMinPartitionNum().isDefined()
            ? (Integer) conf.filesMinPartitionNum().get()
            : session.leafNodeDefaultParallelism();
    int maxPartitions =
        conf.filesMaxPartitionNum().isDefined() ? (Integer) conf.filesMaxPartitionNum().get() : 0;
    return new SplitSettings(
        conf.filesMaxPartitionBytes(), conf.filesOpenCostInBytes(), minPartitions, maxPartitions);
  }

  /**
   * The split size for {@code totalBytes} of input (file lengths plus one open cost per file), as
   * Spark's {@code FilePartition.maxSplitBytes}: small inputs are spread over at least {@code
   * minPartitionNum} tasks, never in splits below the open cost nor above {@code
   * maxPartitionBytes}.
   */
  public long maxSplitBytes(long totalBytes) {
    long bytesPerCore = totalBytes / minPartitionNum;
    // At least one byte: a zero open cost on an empty input must not make empty splits.
    return Math.max(1, Math.min(maxPartitionBytes, Math.max(openCostInBytes, bytesPerCore)));
  }
}
