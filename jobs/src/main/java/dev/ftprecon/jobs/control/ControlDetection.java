package dev.ftprecon.jobs.control;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min_by;

import dev.ftprecon.jobs.schema.SegmentSchema;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Finds FTP control connections on ports nobody named, by their content, as Zeek's dynamic protocol
 * detection does: the server's greeting starts "220 " or "220-" (RFC 959 §5.4: 220 is the reply to
 * the connection) and the client's first line is a command that opens an FTP session (USER, AUTH
 * for RFC 4217, FEAT for RFC 2389 clients). An SMTP server also greets with 220, but its client
 * says EHLO or HELO first.
 */
final class ControlDetection {
  private static final Object[] GREETINGS = {ascii("220 "), ascii("220-")};
  private static final Object[] OPENING_COMMANDS = {
    ascii("USER"), ascii("user"), ascii("AUTH"), ascii("auth"), ascii("FEAT"), ascii("feat")
  };

  private ControlDetection() {}

  /** Connections ("client ip|port|server ip|port") that talk FTP on ports not in {@code known}. */
  static Set<String> detect(Dataset<Row> segments, Set<Integer> known) {
    Object[] ports = known.toArray();
    Dataset<Row> greeted =
        segments
            .where(col(SegmentSchema.HEAD).isin(GREETINGS))
            .where(col(SegmentSchema.SRC_PORT).isin(ports).unary_$bang())
            .select(
                col(SegmentSchema.DST_IP).as("g_c_ip"),
                col(SegmentSchema.DST_PORT).as("g_c_port"),
                col(SegmentSchema.SRC_IP).as("g_s_ip"),
                col(SegmentSchema.SRC_PORT).as("g_s_port"))
            .distinct();
    Column sameConnection =
        col(SegmentSchema.SRC_IP)
            .equalTo(col("g_c_ip"))
            .and(col(SegmentSchema.SRC_PORT).equalTo(col("g_c_port")))
            .and(col(SegmentSchema.DST_IP).equalTo(col("g_s_ip")))
            .and(col(SegmentSchema.DST_PORT).equalTo(col("g_s_port")));
    Set<String> found = new TreeSet<>();
    segments
        .where(col(SegmentSchema.PAYLOAD_LEN).gt(0))
        .join(broadcast(greeted), sameConnection)
        .groupBy(col("g_c_ip"), col("g_c_port"), col("g_s_ip"), col("g_s_port"))
        .agg(min_by(col(SegmentSchema.HEAD), col(SegmentSchema.TS_NS)).as("first_head"))
        .where(col("first_head").isin(OPENING_COMMANDS))
        .collectAsList()
        .forEach(r -> found.add(key(r.getString(0), r.getInt(1), r.getString(2), r.getInt(3))));
    return found;
  }

  static String key(String clientIp, int clientPort, String serverIp, int serverPort) {
    return clientIp + "|" + clientPort + "|" + serverIp + "|" + serverPort;
  }

  private static int ascii(String four) {
    return ByteBuffer.wrap(four.getBytes(StandardCharsets.US_ASCII)).getInt();
  }
}
