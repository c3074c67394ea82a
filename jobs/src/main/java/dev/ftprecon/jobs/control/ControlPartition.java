package dev.ftprecon.jobs.control;

import dev.ftprecon.control.ControlConnectionAnalyzer;
import dev.ftprecon.ftp.ExpectedDataChannel;
import dev.ftprecon.ftp.FtpCommandRecord;
import dev.ftprecon.ftp.FtpLimits;
import dev.ftprecon.ftp.FtpSessionSummary;
import dev.ftprecon.jobs.ReconstructOptions;
import dev.ftprecon.jobs.input.PayloadReader;
import dev.ftprecon.jobs.input.SharedConfiguration;
import dev.ftprecon.jobs.schema.SegmentSchema;
import dev.ftprecon.jobs.schema.Times;
import dev.ftprecon.output.SafeNames;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Walks a partition sorted by (connection, time) and follows each control connection in turn. Only
 * one connection's state is held at a time.
 */
final class ControlPartition implements FlatMapFunction<Iterator<Row>, ControlResult> {
  private static final long serialVersionUID = 1L;
  private final Broadcast<List<String>> capturePaths;
  private final SharedConfiguration conf;
  private final boolean maskPasswords;
  private final FtpLimits limits;

  ControlPartition(
      Broadcast<List<String>> capturePaths,
      SharedConfiguration conf,
      boolean maskPasswords,
      FtpLimits limits) {
    this.capturePaths = capturePaths;
    this.conf = conf;
    this.maskPasswords = maskPasswords;
    this.limits = limits;
  }

  private String mask(String password) {
    return maskPasswords && password != null ? ReconstructOptions.MASKED : password;
  }

  @Override
  public Iterator<ControlResult> call(Iterator<Row> rows) {
    PayloadReader payloads = new PayloadReader(conf.value(), capturePaths.value());
    return new Iterator<>() {
      private Row lookahead = rows.hasNext() ? rows.next() : null;
      private ControlResult next;

      @Override
      public boolean hasNext() {
        while (next == null && lookahead != null) {
          next = followOneConnection();
        }
        if (next == null) {
          payloads.close();
        }
        return next != null;
      }

      @Override
      public ControlResult next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        ControlResult result = next;
        next = null;
        return result;
      }

      private ControlResult followOneConnection() {
        Row first = lookahead;
        Connection conn = new Connection(first);
        ControlConnectionAnalyzer analyzer =
            new ControlConnectionAnalyzer(
                conn.clientIp, conn.clientPort, conn.serverIp, conn.serverPort, limits);
        TreeSet<Integer> captureIds = new TreeSet<>();
        long firstNanos = first.<Long>getAs(SegmentSchema.TS_NS);
        long lastNanos = firstNanos;
        while (lookahead != null && conn.contains(lookahead)) {
          Row row = lookahead;
          lookahead = rows.hasNext() ? rows.next() : null;
          long ts = row.<Long>getAs(SegmentSchema.TS_NS);
          lastNanos = Math.max(lastNanos, ts);
          captureIds.add(row.<Integer>getAs(SegmentSchema.CAPTURE_ID));
          byte[] payload = payload(row, payloads);
          boolean fromClient =
              conn.clientIp.equals(row.getAs(SegmentSchema.SRC_IP))
                  && conn.clientPort == row.<Integer>getAs(SegmentSchema.SRC_PORT);
          analyzer.segment(
              fromClient,
              ts,
              row.<Long>getAs(SegmentSchema.SEQ),
              row.<Integer>getAs(SegmentSchema.FLAGS),
              payload,
              0,
              payload == null ? 0 : payload.length);
        }
        if (analyzer.payloadBytes() == 0) {
          return null; // a port scan or a bare handshake: no session to report
        }
        FtpSessionSummary summary = analyzer.finish(lastNanos);
        List<String> captures = new ArrayList<>();
        captureIds.forEach(id -> captures.add(capturePaths.value().get(id)));
        String sessionId =
            SafeNames.transferId(
                "session",
                conn.clientIp,
                Integer.toString(conn.clientPort),
                conn.serverIp,
                Integer.toString(conn.serverPort),
                Long.toString(firstNanos));
        int ipVersion = first.<Integer>getAs(SegmentSchema.IP_VERSION);
        return new ControlResult(
            sessionRow(sessionId, ipVersion, conn, summary, firstNanos, lastNanos, captures),
            commandRows(sessionId, summary),
            expectations(sessionId, ipVersion, conn, summary));
      }
    };
  }

  /**
   * The segment's payload: carried in the row for segments on control ports, read where it lies in
   * the capture for connections found by content.
   */
  private static byte[] payload(Row row, PayloadReader payloads) {
    byte[] inline = row.getAs(SegmentSchema.PAYLOAD);
    int len = row.<Integer>getAs(SegmentSchema.PAYLOAD_LEN);
    long pos = row.<Long>getAs(SegmentSchema.PAYLOAD_POS);
    if (inline != null || len == 0 || pos < 0) {
      return inline;
    }
    byte[] bytes = new byte[len];
    try {
      payloads.read(row.<Integer>getAs(SegmentSchema.CAPTURE_ID), pos, bytes, len);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return bytes;
  }

  private Row sessionRow(
      String sessionId,
      int ipVersion,
      Connection conn,
      FtpSessionSummary s,
      long firstNanos,
      long lastNanos,
      List<String> captures) {
    return RowFactory.create(
        sessionId,
        ipVersion,
        conn.clientIp,
        conn.clientPort,
        conn.serverIp,
        conn.serverPort,
        s.user(),
        mask(s.password()),
        s.loginSucceeded(),
        s.failedLogins(),
        s.banner(),
        Times.timestamp(firstNanos),
        Times.timestamp(lastNanos),
        s.channels().size(),
        s.tls(),
        captures.toArray(String[]::new),
        scala.jdk.javaapi.CollectionConverters.asScala(s.anomalies()));
  }

  private List<Row> commandRows(String sessionId, FtpSessionSummary s) {
    List<Row> rows = new ArrayList<>(s.commands().size());
    int seq = 0;
    for (FtpCommandRecord c : s.commands()) {
      rows.add(
          RowFactory.create(
              sessionId,
              seq++,
              Times.timestampOrNull(c.timeNanos()),
              c.command(),
              "PASS".equals(c.command()) ? mask(c.arg()) : c.arg(),
              c.replyCode() == 0 ? null : c.replyCode(),
              c.replyText()));
    }
    return rows;
  }

  private static List<SessionExpectation> expectations(
      String sessionId, int ipVersion, Connection conn, FtpSessionSummary s) {
    List<SessionExpectation> list = new ArrayList<>(s.channels().size());
    for (ExpectedDataChannel channel : s.channels()) {
      list.add(
          new SessionExpectation(
              sessionId,
              ipVersion,
              conn.clientIp,
              conn.clientPort,
              conn.serverIp,
              conn.serverPort,
              channel));
    }
    return list;
  }

  /** The endpoints of the control connection the current rows belong to. */
  private static final class Connection {
    final String clientIp;
    final int clientPort;
    final String serverIp;
    final int serverPort;

    Connection(Row row) {
      clientIp = row.getAs(ControlChannels.CLIENT_IP);
      clientPort = row.<Integer>getAs(ControlChannels.CLIENT_PORT);
      serverIp = row.getAs(ControlChannels.SERVER_IP);
      serverPort = row.<Integer>getAs(ControlChannels.SERVER_PORT);
    }

    boolean contains(Row row) {
      return clientPort == row.<Integer>getAs(ControlChannels.CLIENT_PORT)
          && serverPort == row.<Integer>getAs(ControlChannels.SERVER_PORT)
          && Objects.equals(clientIp, row.getAs(ControlChannels.CLIENT_IP))
          && Objects.equals(serverIp, row.getAs(ControlChannels.SERVER_IP));
    }
  }
}
