package dev.ftprecon.jobs.control;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;

import dev.ftprecon.ftp.FtpLimits;
import dev.ftprecon.jobs.input.SharedConfiguration;
import dev.ftprecon.jobs.schema.SegmentSchema;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
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
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Follows the control connections among the segments (by port, {@code --control-ports}, and the
 * connections found by content on any other port, see {@link ControlDetection}): their segments are
 * grouped per connection and sorted by capture time, the order in which a live analyzer would have
 * seen them.
 */
public final class ControlChannels {
  static final String CLIENT_IP = "c_ip";
  static final String CLIENT_PORT = "c_port";
  static final String SERVER_IP = "s_ip";
  static final String SERVER_PORT = "s_port";

  private ControlChannels() {}

  public static JavaRDD<ControlResult> analyze(
      SparkSession spark,
      Dataset<Row> segments,
      Set<Integer> controlPorts,
      Set<String> detected,
      Broadcast<List<String>> capturePaths,
      SharedConfiguration conf,
      boolean maskPasswords,
      FtpLimits limits,
      int partitions) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<Set<String>> byContent = jsc.broadcast(detected);
    Set<Integer> ports = Set.copyOf(controlPorts);
    StructType oriented =
        segments
            .schema()
            .add(CLIENT_IP, DataTypes.StringType, false)
            .add(CLIENT_PORT, DataTypes.IntegerType, false)
            .add(SERVER_IP, DataTypes.StringType, false)
            .add(SERVER_PORT, DataTypes.IntegerType, false);
    // Ports and detected connections are tested in generated code first: the segments of other
    // traffic never become Java rows, and none of them reaches the shuffle below.
    Column onControl =
        col(SegmentSchema.SRC_PORT)
            .isin(ports.toArray())
            .or(col(SegmentSchema.DST_PORT).isin(ports.toArray()));
    if (!detected.isEmpty()) {
      Object[] keys = detected.toArray();
      onControl =
          onControl
              .or(
                  connection(
                          SegmentSchema.SRC_IP,
                          SegmentSchema.SRC_PORT,
                          SegmentSchema.DST_IP,
                          SegmentSchema.DST_PORT)
                      .isin(keys))
              .or(
                  connection(
                          SegmentSchema.DST_IP,
                          SegmentSchema.DST_PORT,
                          SegmentSchema.SRC_IP,
                          SegmentSchema.SRC_PORT)
                      .isin(keys));
    }
    Dataset<Row> control =
        segments
            .where(onControl)
            .flatMap(
                (FlatMapFunction<Row, Row>) r -> orient(r, ports, byContent.value()),
                Encoders.row(oriented));
    Column[] connection = {col(CLIENT_IP), col(CLIENT_PORT), col(SERVER_IP), col(SERVER_PORT)};
    return control
        .repartition(partitions, connection)
        .sortWithinPartitions(
            col(CLIENT_IP),
            col(CLIENT_PORT),
            col(SERVER_IP),
            col(SERVER_PORT),
            col(SegmentSchema.TS_NS),
            col(SegmentSchema.CAPTURE_ID),
            col(SegmentSchema.RECORD_OFFSET))
        .javaRDD()
        .mapPartitions(new ControlPartition(capturePaths, conf, maskPasswords, limits));
  }

  /** "client ip|port|server ip|port", as {@link ControlDetection#key} spells it. */
  private static Column connection(String ip1, String port1, String ip2, String port2) {
    return concat_ws("|", col(ip1), col(port1).cast("string"), col(ip2), col(port2).cast("string"));
  }

  /**
   * The segment with its control connection's client and server appended, or nothing when it is not
   * on a control connection: the server is the end on a control port, or the end that sent the
   * greeting of a connection found by content.
   */
  private static Iterator<Row> orient(Row r, Set<Integer> ports, Set<String> byContent) {
    String srcIp = r.getAs(SegmentSchema.SRC_IP);
    int srcPort = r.<Integer>getAs(SegmentSchema.SRC_PORT);
    String dstIp = r.getAs(SegmentSchema.DST_IP);
    int dstPort = r.<Integer>getAs(SegmentSchema.DST_PORT);
    boolean toServer;
    if (ports.contains(dstPort)) {
      toServer = true;
    } else if (ports.contains(srcPort)) {
      toServer = false;
    } else if (byContent.contains(ControlDetection.key(srcIp, srcPort, dstIp, dstPort))) {
      toServer = true;
    } else if (byContent.contains(ControlDetection.key(dstIp, dstPort, srcIp, srcPort))) {
      toServer = false;
    } else {
      return Collections.emptyIterator();
    }
    Object[] v = new Object[r.length() + 4];
    for (int i = 0; i < r.length(); i++) {
      v[i] = r.get(i);
    }
    v[r.length()] = toServer ? srcIp : dstIp;
    v[r.length() + 1] = toServer ? srcPort : dstPort;
    v[r.length() + 2] = toServer ? dstIp : srcIp;
    v[r.length() + 3] = toServer ? dstPort : srcPort;
    return List.of(RowFactory.create(v)).iterator();
  }
}
