package dev.ftprecon.jobs.control;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.min_by;

import dev.ftprecon.jobs.schema.SegmentSchema;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
    // Greetings are rare (one per connection): collect them, without a shuffle, and stop here when
    // there are none, which saves a pass on captures whose FTP is all on the known ports.
    List<Row> greeted =
        segments
            .where(col(SegmentSchema.HEAD).isin(GREETINGS))
            .where(col(SegmentSchema.SRC_PORT).isin(ports).unary_$bang())
            .select(
                col(SegmentSchema.DST_IP),
                col(SegmentSchema.DST_PORT),
                col(SegmentSchema.SRC_IP),
                col(SegmentSchema.SRC_PORT))
            .collectAsList();
    Set<String> found = new TreeSet<>();
    if (greeted.isEmpty()) {
      return found;
    }
    Object[] candidates =
        greeted.stream()
            .map(r -> key(r.getString(0), r.getInt(1), r.getString(2), r.getInt(3)))
            .distinct()
            .toArray();
    Column fromClient =
        concat_ws(
            "|",
            col(SegmentSchema.SRC_IP),
            col(SegmentSchema.SRC_PORT).cast("string"),
            col(SegmentSchema.DST_IP),
            col(SegmentSchema.DST_PORT).cast("string"));
    segments
        .where(col(SegmentSchema.PAYLOAD_LEN).gt(0))
        .where(fromClient.isin(candidates))
        .groupBy(fromClient.as("connection"))
        .agg(min_by(col(SegmentSchema.HEAD), col(SegmentSchema.TS_NS)).as("first_head"))
        .where(col("first_head").isin(OPENING_COMMANDS))
        .collectAsList()
        .forEach(r -> found.add(r.getString(0)));
    return found;
  }

  static String key(String clientIp, int clientPort, String serverIp, int serverPort) {
    return clientIp + "|" + clientPort + "|" + serverIp + "|" + serverPort;
  }

  private static int ascii(String four) {
    return ByteBuffer.wrap(four.getBytes(StandardCharsets.US_ASCII)).getInt();
  }
}
