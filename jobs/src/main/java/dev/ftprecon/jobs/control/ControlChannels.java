package dev.ftprecon.jobs.control;

import static org.apache.spark.sql.functions.col;

import dev.ftprecon.ftp.FtpLimits;
import dev.ftprecon.jobs.input.SerializableConfiguration;
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
 * Finds the control connections among the segments (by port, {@code --control-ports}, and by
 * content on any other port, see {@link ControlDetection}) and follows each one: segments are
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
      boolean detectByContent,
      Broadcast<List<String>> capturePaths,
      SerializableConfiguration conf,
      boolean maskPasswords,
      FtpLimits limits,
      int partitions) {
    Set<String> detected =
        detectByContent ? ControlDetection.detect(segments, controlPorts) : Set.of();
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
    Dataset<Row> control =
        segments.flatMap(
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
