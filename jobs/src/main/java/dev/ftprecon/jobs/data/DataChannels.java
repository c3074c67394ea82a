package dev.ftprecon.jobs.data;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.ftprecon.jobs.input.CaptureScan;
import dev.ftprecon.jobs.input.SerializableConfiguration;
import dev.ftprecon.jobs.schema.SegmentSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * The two data-channel passes. First, small per-connection facts for the connections that touch an
 * announced endpoint (only these leave their task). Then, for the connections matched to a
 * transfer, segment pointers in the sending direction are grouped by transfer, unwrapped, sorted by
 * offset and assembled.
 */
public final class DataChannels {
  static final String A_IP = "a_ip";
  static final String A_PORT = "a_port";
  static final String B_IP = "b_ip";
  static final String B_PORT = "b_port";
  static final String PAYLOAD_BYTES = "payload_bytes";

  private DataChannels() {}

  /**
   * Per-connection facts for the connections with an endpoint in {@code endpoints}, merged from the
   * first pass's direction facts ({@code CaptureScan#facts}): both directions of a connection fold
   * into one row keyed by its endpoints in a fixed order (a, b). The endpoint test is a Catalyst
   * expression, so the facts of other traffic never become Java objects.
   */
  public static List<Row> connectionFacts(
      SparkSession spark, Dataset<Row> facts, Set<String> endpoints) {
    if (endpoints.isEmpty()) {
      return List.of();
    }
    Column srcFirst =
        col(SegmentSchema.SRC_IP)
            .lt(col(SegmentSchema.DST_IP))
            .or(
                col(SegmentSchema.SRC_IP)
                    .equalTo(col(SegmentSchema.DST_IP))
                    .and(col(SegmentSchema.SRC_PORT).leq(col(SegmentSchema.DST_PORT))));
    Object[] wanted = endpoints.toArray();
    return facts
        .where(
            endpoint(SegmentSchema.SRC_IP, SegmentSchema.SRC_PORT)
                .isin(wanted)
                .or(endpoint(SegmentSchema.DST_IP, SegmentSchema.DST_PORT).isin(wanted)))
        .withColumn(
            A_IP, when(srcFirst, col(SegmentSchema.SRC_IP)).otherwise(col(SegmentSchema.DST_IP)))
        .withColumn(
            A_PORT,
            when(srcFirst, col(SegmentSchema.SRC_PORT)).otherwise(col(SegmentSchema.DST_PORT)))
        .withColumn(
            B_IP, when(srcFirst, col(SegmentSchema.DST_IP)).otherwise(col(SegmentSchema.SRC_IP)))
        .withColumn(
            B_PORT,
            when(srcFirst, col(SegmentSchema.DST_PORT)).otherwise(col(SegmentSchema.SRC_PORT)))
        .groupBy(col(A_IP), col(A_PORT), col(B_IP), col(B_PORT))
        .agg(
            min("first_ns").as("first_ns"),
            max("last_ns").as("last_ns"),
            min(when(srcFirst, col("syn_ns"))).as("a_syn_ns"),
            min(when(srcFirst.unary_$bang(), col("syn_ns"))).as("b_syn_ns"),
            min("rst_ns").as("rst_ns"),
            sum(PAYLOAD_BYTES).as(PAYLOAD_BYTES))
        .collectAsList();
  }

  /**
   * Reassembles every assigned connection: a second pass over the captures ({@link
   * CaptureScan#select}) yields the sending segments of assigned connections as tagged pointers;
   * they are grouped by assembly bin, put in capture order to unwrap sequence numbers and decide
   * which copy of each byte counts ({@link FirstSeenPartition}), then in stream order for the
   * writer. Returns one {@link TransferBytes} per transfer.
   */
  public static List<TransferBytes> assemble(
      SparkSession spark,
      CaptureScan scan,
      Map<ConnectionKey, DataAssignment> assignments,
      Broadcast<List<String>> capturePaths,
      Map<Integer, String> fileNames,
      String outputDir,
      int partitions) {
    if (assignments.isEmpty()) {
      return List.of();
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Map<Integer, Long> sizes = new HashMap<>();
    assignments.values().forEach(a -> sizes.put(a.transfer(), a.payloadBytes()));
    TransferBins bins = TransferBins.pack(sizes, partitions);
    TaggedSegments tagged =
        new TaggedSegments(jsc.broadcast(assignments), jsc.broadcast(bins.binOf()), assignments);
    RDD<InternalRow> inCaptureOrder =
        scan.select(tagged, DataSegmentSchema.SCHEMA)
            .repartitionById(bins.bins(), col(DataSegmentSchema.BIN))
            .sortWithinPartitions(
                col(DataSegmentSchema.TRANSFER),
                col("ts_ns"),
                col("capture_id"),
                col("record_offset"))
            .queryExecution()
            .toRdd();
    JavaRDD<InternalRow> unwrapped =
        inCaptureOrder.toJavaRDD().mapPartitions(new FirstSeenPartition());
    Dataset<Row> sorted =
        ((org.apache.spark.sql.classic.SparkSession) spark)
            .internalCreateDataFrame(unwrapped.rdd(), DataSegmentSchema.WITH_OFFSET, false)
            .sortWithinPartitions(
                col(DataSegmentSchema.TRANSFER),
                col(DataSegmentSchema.OFFSET),
                col(DataSegmentSchema.CHECK),
                col("ts_ns"),
                col("capture_id"),
                col("record_offset"));
    Broadcast<Map<Integer, String>> names = jsc.broadcast(fileNames);
    SerializableConfiguration conf =
        new SerializableConfiguration(spark.sparkContext().hadoopConfiguration());
    return new ArrayList<>(
        sorted
            .javaRDD()
            .mapPartitions(new AssemblePartition(conf, outputDir, capturePaths, names))
            .collect());
  }

  /** "ip|port", as {@link ConnectionKey#endpoint} spells it. */
  private static Column endpoint(String ip, String port) {
    return concat(col(ip), lit("|"), col(port).cast("string"));
  }
}
