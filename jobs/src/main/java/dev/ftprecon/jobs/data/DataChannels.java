package dev.ftprecon.jobs.data;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.shiftleft;

import dev.ftprecon.jobs.input.CaptureScan;
import dev.ftprecon.jobs.input.SharedConfiguration;
import dev.ftprecon.jobs.schema.SegmentSchema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

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

  /** What {@link #connectionFacts} returns per connection. */
  static final StructType FACTS_SCHEMA =
      new StructType()
          .add(A_IP, DataTypes.StringType)
          .add(A_PORT, DataTypes.IntegerType)
          .add(B_IP, DataTypes.StringType)
          .add(B_PORT, DataTypes.IntegerType)
          .add("first_ns", DataTypes.LongType)
          .add("last_ns", DataTypes.LongType)
          .add("a_syn_ns", DataTypes.LongType)
          .add("b_syn_ns", DataTypes.LongType)
          .add("rst_ns", DataTypes.LongType)
          .add(PAYLOAD_BYTES, DataTypes.LongType);

  /**
   * Per-connection facts for the connections with an endpoint in {@code endpoints}, merged from the
   * first pass's direction facts ({@code CaptureScan#facts}): both directions of a connection fold
   * into one row keyed by its endpoints in a fixed order (a, b), as {@link ConnectionKey} orders
   * them. The endpoint test is a Catalyst expression, so the facts of other traffic never become
   * Java objects; the few that pass (a handful per split and connection) are merged here, on the
   * driver, without a shuffle.
   */
  public static Collected connectionFacts(
      SparkSession spark, Dataset<Row> facts, Set<String> endpoints) {
    DirectionSpans spans = new DirectionSpans();
    if (endpoints.isEmpty()) {
      return new Collected(List.of(), spans);
    }
    Object[] wanted = endpoints.toArray();
    List<Row> parts =
        facts
            .where(
                SegmentSchema.endpoint(SegmentSchema.SRC_IP, SegmentSchema.SRC_PORT)
                    .isin(wanted)
                    .or(
                        SegmentSchema.endpoint(SegmentSchema.DST_IP, SegmentSchema.DST_PORT)
                            .isin(wanted)))
            .select(
                SegmentSchema.SRC_IP,
                SegmentSchema.SRC_PORT,
                SegmentSchema.DST_IP,
                SegmentSchema.DST_PORT,
                "first_ns",
                "last_ns",
                "syn_ns",
                "rst_ns",
                PAYLOAD_BYTES,
                SegmentSchema.CAPTURE_ID,
                SegmentSchema.RECORD_OFFSET,
                "piece",
                "span_first_ns",
                "span_first_seq",
                "span_first_syn",
                "span_highest_start",
                "span_highest_end")
            .collectAsList();
    Map<ConnectionKey, Object[]> merged = new TreeMap<>(CONNECTION_ORDER);
    for (Row p : parts) {
      String srcIp = p.getString(0);
      int srcPort = p.getInt(1);
      ConnectionKey key = ConnectionKey.of(srcIp, srcPort, p.getString(2), p.getInt(3));
      boolean fromA = key.aIp().equals(srcIp) && key.aPort() == srcPort;
      Object[] m =
          merged.computeIfAbsent(
              key,
              k ->
                  new Object[] {
                    k.aIp(), k.aPort(), k.bIp(), k.bPort(), null, null, null, null, null, 0L
                  });
      m[4] = min((Long) m[4], p.getLong(4));
      m[5] = m[5] == null ? p.getLong(5) : Math.max((Long) m[5], p.getLong(5));
      m[fromA ? 6 : 7] = min((Long) m[fromA ? 6 : 7], p.isNullAt(6) ? null : p.getLong(6));
      m[8] = min((Long) m[8], p.isNullAt(7) ? null : p.getLong(7));
      m[9] = (Long) m[9] + p.getLong(8);
      spans.add(srcIp, srcPort, p.getString(2), p.getInt(3), p, 9);
    }
    List<Row> rows = new ArrayList<>(merged.size());
    merged.values().forEach(m -> rows.add(new GenericRowWithSchema(m, FACTS_SCHEMA)));
    return new Collected(rows, spans);
  }

  /**
   * What {@link #connectionFacts} gathers: a row per connection ({@link #FACTS_SCHEMA}), and the
   * sequence spans of their directions for {@link #assemble}.
   */
  public record Collected(List<Row> connections, DirectionSpans spans) {}

  private static final Comparator<ConnectionKey> CONNECTION_ORDER =
      Comparator.comparing(ConnectionKey::aIp)
          .thenComparingInt(ConnectionKey::aPort)
          .thenComparing(ConnectionKey::bIp)
          .thenComparingInt(ConnectionKey::bPort);

  /** The smaller of two times, null standing for "not seen". */
  private static Long min(Long a, Long b) {
    return a == null ? b : b == null ? a : Long.valueOf(Math.min(a, b));
  }

  /**
   * Reassembles every assigned connection: a second pass over the captures ({@link
   * CaptureScan#select}) yields the sending segments of assigned connections as tagged pointers
   * with their stream offsets (unwrapped in that pass, from the first pass's {@code spans}); they
   * are grouped by assembly bin and sorted once, by transfer and offset, for the writer, which
   * decides which copy of each byte counts ({@link AssemblePartition}). Returns one {@link
   * TransferBytes} per transfer.
   */
  public static List<TransferBytes> assemble(
      SparkSession spark,
      CaptureScan scan,
      Map<ConnectionKey, DataAssignment> assignments,
      DirectionSpans spans,
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
        new TaggedSegments(
            jsc.broadcast(assignments),
            jsc.broadcast(bins.binOf()),
            jsc.broadcast(spans.starts(assignments)),
            assignments);
    // Building the RDD of an adaptive plan runs its shuffle stage (the second pass) at once, on
    // every core, before the captures' hashes are queued below.
    RDD<InternalRow> sorted =
        scan.dataPass(tagged, DataSegmentSchema.SCHEMA)
            .repartitionById(bins.bins(), col(DataSegmentSchema.BIN))
            .sortWithinPartitions(
                sortPrefix(col(DataSegmentSchema.OFFSET)),
                col(DataSegmentSchema.TRANSFER),
                col(DataSegmentSchema.OFFSET),
                col("ts_ns"),
                col("capture_id"),
                col("record_offset"))
            .queryExecution()
            .toRdd();
    Broadcast<Map<Integer, String>> names = jsc.broadcast(fileNames);
    SharedConfiguration conf = scan.conf();
    // The captures' own hashes, first in the queue (see CaptureScan#startHashing).
    scan.startHashing();
    JavaFutureAction<List<TransferBytes>> assembling =
        sorted
            .toJavaRDD()
            .mapPartitions(
                new AssemblePartition(
                    conf,
                    outputDir,
                    capturePaths,
                    names,
                    jsc.broadcast(sizes),
                    OutputFiles.directIoMinBytes(spark.conf()),
                    OutputFiles.md5(spark.conf())))
            .collectAsync();
    return new ArrayList<>(CaptureScan.await(assembling));
  }

  private static final long LOW_40_BITS = (1L << 40) - 1;
  private static final long TRANSFER_CAP = (1L << 23) - 1;

  /**
   * A first sort key that orders rows as (transfer, {@code within}) does, packed into one long: the
   * transfer in the high 23 bits, {@code within} (non-negative, rising with the real key) in the
   * low 40, each clamped at its top. Spark sorts on the first key's 64-bit prefix and compares
   * whole rows only on equal prefixes; with the transfer alone first, every comparison in the one
   * bin of a large transfer fell through to the rows. The key is a non-decreasing function of
   * (transfer, real key), and the full keys follow it, so the order is exactly the same as without
   * it.
   */
  private static Column sortPrefix(Column within) {
    Column transfer = least(col(DataSegmentSchema.TRANSFER).cast("long"), lit(TRANSFER_CAP));
    Column low = least(greatest(within, lit(0L)), lit(LOW_40_BITS));
    return shiftleft(transfer, 40).bitwiseOR(low);
  }
}
