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
public final class ControlDetection {
  private static final Object[] OPENING_COMMANDS = {
    ascii("USER"), ascii("user"), ascii("AUTH"), ascii("auth"), ascii("FEAT"), ascii("feat")
  };

  private ControlDetection() {}

  /**
   * Connections ("client ip|port|server ip|port") that talk FTP on ports not named as control
   * ports: {@code greetings} are the facts rows of directions that greeted (the server's side, from
   * the first pass), {@code facts} all direction facts; the client's first payload decides.
   */
  public static Set<String> detect(List<Row> greetings, Dataset<Row> facts) {
    Set<String> found = new TreeSet<>();
    if (greetings.isEmpty()) {
      return found;
    }
    Object[] candidates =
        greetings.stream()
            .map(
                r ->
                    key(
                        r.getAs(SegmentSchema.DST_IP),
                        r.<Integer>getAs(SegmentSchema.DST_PORT),
                        r.getAs(SegmentSchema.SRC_IP),
                        r.<Integer>getAs(SegmentSchema.SRC_PORT)))
            .distinct()
            .toArray();
    Column fromClient =
        concat_ws(
            "|",
            col(SegmentSchema.SRC_IP),
            col(SegmentSchema.SRC_PORT).cast("string"),
            col(SegmentSchema.DST_IP),
            col(SegmentSchema.DST_PORT).cast("string"));
    facts
        .where(col("first_payload_ns").isNotNull())
        .where(fromClient.isin(candidates))
        .groupBy(fromClient.as("connection"))
        .agg(min_by(col("first_payload_head"), col("first_payload_ns")).as("first_head"))
        .where(col("first_head").isin(OPENING_COMMANDS))
        .collectAsList()
        .forEach(r -> found.add(r.getString(0)));
    return found;
  }

  public static String key(String clientIp, int clientPort, String serverIp, int serverPort) {
    return clientIp + "|" + clientPort + "|" + serverIp + "|" + serverPort;
  }

  private static int ascii(String four) {
    return ByteBuffer.wrap(four.getBytes(StandardCharsets.US_ASCII)).getInt();
  }
}
