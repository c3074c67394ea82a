package dev.ftprecon.jobs.control;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

import dev.ftprecon.jobs.schema.SegmentSchema;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Finds the control connections among the segments (by port, {@code --control-ports}) and follows
 * each one: segments are grouped per connection and sorted by capture time, the order in which a
 * live analyzer would have seen them.
 */
public final class ControlChannels {
  static final String CLIENT_IP = "c_ip";
  static final String CLIENT_PORT = "c_port";
  static final String SERVER_IP = "s_ip";
  static final String SERVER_PORT = "s_port";

  private ControlChannels() {}

  public static JavaRDD<ControlResult> analyze(
      Dataset<Row> segments,
      Set<Integer> controlPorts,
      Broadcast<List<String>> capturePaths,
      boolean maskPasswords,
      int partitions) {
    Object[] ports = controlPorts.toArray();
    Column toServer = col(SegmentSchema.DST_PORT).isin(ports);
    Dataset<Row> control =
        segments
            .where(toServer.or(col(SegmentSchema.SRC_PORT).isin(ports)))
            .withColumn(
                CLIENT_IP,
                when(toServer, col(SegmentSchema.SRC_IP)).otherwise(col(SegmentSchema.DST_IP)))
            .withColumn(
                CLIENT_PORT,
                when(toServer, col(SegmentSchema.SRC_PORT)).otherwise(col(SegmentSchema.DST_PORT)))
            .withColumn(
                SERVER_IP,
                when(toServer, col(SegmentSchema.DST_IP)).otherwise(col(SegmentSchema.SRC_IP)))
            .withColumn(
                SERVER_PORT,
                when(toServer, col(SegmentSchema.DST_PORT)).otherwise(col(SegmentSchema.SRC_PORT)));
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
        .mapPartitions(new ControlPartition(capturePaths, maskPasswords));
  }
}
