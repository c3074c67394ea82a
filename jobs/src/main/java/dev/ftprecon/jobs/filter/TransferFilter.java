package dev.ftprecon.jobs.filter;

import dev.ftprecon.ftp.ExpectedDataChannel;
import dev.ftprecon.jobs.control.ControlResult;
import dev.ftprecon.jobs.control.SessionExpectation;
import dev.ftprecon.jobs.data.TransferBytes;
import dev.ftprecon.jobs.schema.SegmentSchema;
import dev.ftprecon.jobs.schema.SessionSchema;
import java.io.IOException;
import java.io.Serializable;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Applies {@link Filters} where they cost least. Sessions (with their commands) go when their
 * control connection's addresses, ports, time span or users do not match; announced transfers go
 * before their data connections are looked for. Only the size bound also needs the reconstructed
 * size when the server announced none: those files are removed after assembly.
 *
 * <p>A session is kept when its control connection matches --host and --port, overlaps [--from,
 * --until), and --user names its USER or the USER of one of its transfers. A transfer is kept when
 * its session is, its command was sent within [--from, --until), and its USER, name, direction and
 * size match.
 */
public final class TransferFilter implements Serializable {
  private static final int CLIENT_IP = SessionSchema.SCHEMA.fieldIndex("client_ip");
  private static final int SERVER_IP = SessionSchema.SCHEMA.fieldIndex("server_ip");
  private static final int CLIENT_PORT = SessionSchema.SCHEMA.fieldIndex("client_port");
  private static final int SERVER_PORT = SessionSchema.SCHEMA.fieldIndex("server_port");
  private static final int USER = SessionSchema.SCHEMA.fieldIndex("user");
  private static final int START = SessionSchema.SCHEMA.fieldIndex("start_time");
  private static final int END = SessionSchema.SCHEMA.fieldIndex("end_time");

  private final Filters filters;

  public TransferFilter(Filters filters) {
    this.filters = filters;
  }

  /**
   * A condition on segment rows that keeps the connections --host and --port can still match: a
   * segment's two endpoints are its connection's, so testing them per segment drops the control
   * connections of other hosts and ports before they are grouped (and shuffled), with the same
   * verdict {@link #keepsSession} gives their sessions later. True without either filter.
   */
  public Column connections() {
    Column keep = functions.lit(true);
    if (!filters.ports().isEmpty()) {
      Object[] ports = filters.ports().toArray();
      keep =
          functions
              .col(SegmentSchema.SRC_PORT)
              .isin(ports)
              .or(functions.col(SegmentSchema.DST_PORT).isin(ports));
    }
    if (!filters.hosts().isEmpty()) {
      List<IpBlock> hosts = filters.hosts();
      Column inBlock =
          functions
              .udf(
                  (UDF2<String, String, Boolean>)
                      (src, dst) ->
                          hosts.stream().anyMatch(b -> b.contains(src) || b.contains(dst)),
                  DataTypes.BooleanType)
              .apply(functions.col(SegmentSchema.SRC_IP), functions.col(SegmentSchema.DST_IP));
      keep = keep.and(inBlock);
    }
    return keep;
  }

  /** Whether a control connection is kept, with its commands and announced transfers. */
  public Boolean keepsSession(ControlResult r) {
    return filters.none() || keeps(r);
  }

  /** The announced transfers kept, in the order given. */
  public List<SessionExpectation> transfers(List<SessionExpectation> announced) {
    return filters.none() ? announced : announced.stream().filter(this::keeps).toList();
  }

  /**
   * Transfers whose size was unknown before assembly and falls outside --min-size/--max-size: their
   * numbers (positions in the announced list), after their files were deleted from {@code output}.
   */
  public Set<Integer> outsideSize(
      List<SessionExpectation> announced,
      List<TransferBytes> bytes,
      String output,
      Configuration conf)
      throws IOException {
    Set<Integer> outside = new TreeSet<>();
    if (!filters.sizeBounded()) {
      return outside;
    }
    boolean[] seen = new boolean[announced.size()];
    for (TransferBytes b : bytes) {
      seen[b.transfer()] = true;
      if (!filters.sizeWithin(size(announced.get(b.transfer()).channel(), b.length()))) {
        outside.add(b.transfer());
        Path file = new Path(output, b.file());
        file.getFileSystem(conf).delete(file, false);
      }
    }
    for (int i = 0; i < seen.length; i++) {
      if (!seen[i] && !filters.sizeWithin(size(announced.get(i).channel(), 0))) {
        outside.add(i);
      }
    }
    return outside;
  }

  /** Of {@code rows} (one per announced transfer, in order), those not in {@code outside}. */
  public static List<Row> without(List<Row> rows, Set<Integer> outside) {
    List<Row> kept = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      if (!outside.contains(i)) {
        kept.add(rows.get(i));
      }
    }
    return kept;
  }

  boolean keeps(ControlResult r) {
    Row s = r.session();
    if (!endpointsMatch(
        s.getString(CLIENT_IP),
        s.getString(SERVER_IP),
        s.getInt(CLIENT_PORT),
        s.getInt(SERVER_PORT))) {
      return false;
    }
    long start = nanos(s.get(START), Long.MIN_VALUE);
    long end = nanos(s.get(END), Long.MAX_VALUE);
    if (end < filters.fromNanos() || start >= filters.untilNanos()) {
      return false;
    }
    if (filters.users().isEmpty() || filters.users().contains(s.get(USER))) {
      return true;
    }
    return r.expectations().stream().anyMatch(e -> filters.users().contains(e.channel().user()));
  }

  boolean keeps(SessionExpectation e) {
    ExpectedDataChannel ch = e.channel();
    if (!endpointsMatch(e.clientIp(), e.serverIp(), e.clientPort(), e.serverPort())) {
      return false;
    }
    if (ch.commandNanos() < filters.fromNanos() || ch.commandNanos() >= filters.untilNanos()) {
      return false;
    }
    if (!filters.users().isEmpty() && !filters.users().contains(ch.user())) {
      return false;
    }
    if (!filters.paths().isEmpty()
        && filters.paths().stream().noneMatch(g -> g.matches(ch.path(), ch.resolvedPath()))) {
      return false;
    }
    if (!filters.directions().isEmpty()
        && !filters.directions().contains(ch.direction().name().toLowerCase(Locale.ROOT))) {
      return false;
    }
    // With a size announced the decision is made here; otherwise after assembly.
    return ch.announcedSize() < 0 || filters.sizeWithin(size(ch, 0));
  }

  private boolean endpointsMatch(String clientIp, String serverIp, int clientPort, int serverPort) {
    boolean host =
        filters.hosts().isEmpty()
            || filters.hosts().stream().anyMatch(b -> b.contains(clientIp) || b.contains(serverIp));
    boolean port =
        filters.ports().isEmpty()
            || filters.ports().contains(clientPort)
            || filters.ports().contains(serverPort);
    return host && port;
  }

  /**
   * The size a transfer is judged by: the size the server announced (what the file is, whatever
   * part of it was captured), else the bytes reconstructed.
   */
  private static long size(ExpectedDataChannel ch, long reconstructed) {
    long announced = ch.announcedSize();
    if (announced < 0) {
      return reconstructed;
    }
    return ch.restOffset() > 0 && announced >= ch.restOffset()
        ? announced - ch.restOffset()
        : announced;
  }

  private static long nanos(Object timestamp, long unknown) {
    if (!(timestamp instanceof Timestamp ts)) {
      return unknown;
    }
    return Math.floorDiv(ts.getTime(), 1000L) * 1_000_000_000L + ts.getNanos();
  }
}
