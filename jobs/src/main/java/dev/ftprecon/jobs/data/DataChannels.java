package dev.ftprecon.jobs.data;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.ftprecon.jobs.input.SerializableConfiguration;
import dev.ftprecon.jobs.schema.SegmentSchema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * The two data-channel passes. First, small per-connection facts for the connections that touch an
 * announced endpoint (only these leave their task). Then, for the connections matched to a
 * transfer, segment pointers in the sending direction are grouped by transfer, unwrapped, sorted by
 * offset and assembled.
 */
public final class DataChannels {
  private static final int FIN = 0x01;

  static final String A_IP = "a_ip";
  static final String A_PORT = "a_port";
  static final String B_IP = "b_ip";
  static final String B_PORT = "b_port";
  static final String PAYLOAD_BYTES = "payload_bytes";

  private DataChannels() {}

  /**
   * Per-connection facts for the connections with an endpoint in {@code endpoints}. The endpoint
   * test is a Catalyst expression (a hash-set lookup in generated code), so the segments of other
   * traffic are dropped where they are read, before the aggregation's shuffle, and no row of theirs
   * is ever turned into a Java object.
   */
  public static List<Row> connectionFacts(
      SparkSession spark, Dataset<Row> segments, Set<String> endpoints) {
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
    Column synOnly = col(SegmentSchema.FLAGS).bitwiseAND(0x12).equalTo(0x02);
    Object[] wanted = endpoints.toArray();
    return segments
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
            min(SegmentSchema.TS_NS).as("first_ns"),
            max(SegmentSchema.TS_NS).as("last_ns"),
            min(when(synOnly.and(srcFirst), col(SegmentSchema.TS_NS))).as("a_syn_ns"),
            min(when(synOnly.and(srcFirst.unary_$bang()), col(SegmentSchema.TS_NS))).as("b_syn_ns"),
            min(when(
                    col(SegmentSchema.FLAGS).bitwiseAND(0x04).notEqual(0),
                    col(SegmentSchema.TS_NS)))
                .as("rst_ns"),
            sum(SegmentSchema.PAYLOAD_LEN).as(PAYLOAD_BYTES))
        .collectAsList();
  }

  /** Reassembles every assigned connection; returns one {@link TransferBytes} per transfer. */
  public static List<TransferBytes> assemble(
      SparkSession spark,
      Dataset<Row> segments,
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
    Set<String> senders = new HashSet<>();
    assignments
        .values()
        .forEach(
            a -> {
              sizes.put(a.transfer(), a.payloadBytes());
              senders.add(ConnectionKey.endpoint(a.senderIp(), a.senderPort()));
            });
    TransferBins bins = TransferBins.pack(sizes, partitions);
    Broadcast<Map<ConnectionKey, DataAssignment>> assigned = jsc.broadcast(assignments);
    Broadcast<Map<Integer, Integer>> binOf = jsc.broadcast(bins.binOf());
    // The sender test in generated code first: only data-channel segments become Java rows.
    Dataset<Row> tagged =
        segments
            .where(
                endpoint(SegmentSchema.SRC_IP, SegmentSchema.SRC_PORT)
                    .isin(senders.toArray())
                    .and(
                        col(SegmentSchema.PAYLOAD_LEN)
                            .gt(0)
                            .or(col(SegmentSchema.FLAGS).bitwiseAND(0x07).notEqual(0))))
            .flatMap(
                (FlatMapFunction<Row, Row>)
                    r -> {
                      DataAssignment a = sendingSegment(assigned.value(), r);
                      return a == null
                          ? Collections.emptyIterator()
                          : tag(a, binOf.value().get(a.transfer()), r);
                    },
                Encoders.row(DataSegmentSchema.SCHEMA));
    JavaRDD<Row> unwrapped =
        tagged
            .repartitionById(bins.bins(), col(DataSegmentSchema.BIN))
            .sortWithinPartitions(
                col(DataSegmentSchema.TRANSFER),
                col("ts_ns"),
                col("capture_id"),
                col("record_offset"))
            .javaRDD()
            .mapPartitions(new FirstSeenPartition());
    Dataset<Row> sorted =
        spark
            .createDataFrame(unwrapped, DataSegmentSchema.WITH_OFFSET)
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
            .queryExecution()
            .toRdd()
            .toJavaRDD()
            .mapPartitions(new AssemblePartition(conf, outputDir, capturePaths, names))
            .collect());
  }

  /**
   * The segment as a data row of its transfer. A FIN on a segment the snap length cut short becomes
   * a row of its own at the sequence number after the whole payload (RFC 9293 §3.4: the FIN
   * occupies the number after the last data byte), so the stream's end stays known.
   */
  private static Iterator<Row> tag(DataAssignment a, int bin, Row r) {
    int flags = r.<Integer>getAs(SegmentSchema.FLAGS);
    boolean truncated = r.<Boolean>getAs(SegmentSchema.TRUNCATED);
    long seq = r.<Long>getAs(SegmentSchema.SEQ);
    Row data =
        RowFactory.create(
            a.transfer(),
            r.getAs(SegmentSchema.TS_NS),
            r.getAs(SegmentSchema.CAPTURE_ID),
            r.getAs(SegmentSchema.RECORD_OFFSET),
            r.getAs(SegmentSchema.PAYLOAD_POS),
            seq,
            truncated ? flags & ~FIN : flags,
            r.getAs(SegmentSchema.PAYLOAD_LEN),
            truncated,
            r.getAs(SegmentSchema.PAYLOAD),
            bin);
    if (!truncated || (flags & FIN) == 0) {
      return List.of(data).iterator();
    }
    long finSeq = (seq + r.<Integer>getAs(SegmentSchema.PAYLOAD_CLAIMED_LEN)) & 0xFFFFFFFFL;
    Row fin =
        RowFactory.create(
            a.transfer(),
            r.getAs(SegmentSchema.TS_NS),
            r.getAs(SegmentSchema.CAPTURE_ID),
            r.getAs(SegmentSchema.RECORD_OFFSET),
            -1L,
            finSeq,
            FIN,
            0,
            false,
            null,
            bin);
    return List.of(data, fin).iterator();
  }

  /** "ip|port", as {@link ConnectionKey#endpoint} spells it. */
  private static Column endpoint(String ip, String port) {
    return concat(col(ip), lit("|"), col(port).cast("string"));
  }

  private static DataAssignment sendingSegment(Map<ConnectionKey, DataAssignment> assigned, Row r) {
    String srcIp = r.getAs(SegmentSchema.SRC_IP);
    int srcPort = r.<Integer>getAs(SegmentSchema.SRC_PORT);
    DataAssignment a =
        assigned.get(
            ConnectionKey.of(
                srcIp,
                srcPort,
                r.getAs(SegmentSchema.DST_IP),
                r.<Integer>getAs(SegmentSchema.DST_PORT)));
    return a != null && a.sentBy(srcIp, srcPort) ? a : null;
  }
}
