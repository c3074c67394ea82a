package dev.ftprecon.jobs.index;

import dev.ftprecon.ftp.ExpectedDataChannel;
import dev.ftprecon.jobs.control.SessionExpectation;
import dev.ftprecon.jobs.data.ChannelMatching;
import dev.ftprecon.jobs.data.DataAssignment;
import dev.ftprecon.jobs.data.TransferBytes;
import dev.ftprecon.jobs.schema.Times;
import dev.ftprecon.jobs.schema.TransferSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Joins, on the driver, each announced transfer with its data connection and its bytes. */
public final class TransferRows {
  private final List<Row> rows = new ArrayList<>();
  private int notComplete;

  public TransferRows(
      List<SessionExpectation> expectations,
      ChannelMatching matching,
      List<TransferBytes> bytes,
      List<String> capturePaths) {
    Map<Integer, TransferBytes> byTransfer = new HashMap<>();
    bytes.forEach(b -> byTransfer.put(b.transfer(), b));
    for (int i = 0; i < expectations.size(); i++) {
      rows.add(
          row(
              i,
              expectations.get(i),
              matching,
              byTransfer.get(i),
              matching.assignment(i),
              capturePaths));
    }
  }

  public List<Row> rows() {
    return rows;
  }

  public int notComplete() {
    return notComplete;
  }

  /** Transfers among {@code rows} (transfers table rows) whose status is not complete. */
  public static int notComplete(List<Row> rows) {
    int status = TransferSchema.SCHEMA.fieldIndex("status");
    return (int) rows.stream().filter(r -> !TransferStatus.complete(r.getString(status))).count();
  }

  private static Row record(long[] record, List<String> capturePaths) {
    return RowFactory.create(capturePaths.get((int) record[0]), record[1]);
  }

  private Row row(
      int transfer,
      SessionExpectation e,
      ChannelMatching matching,
      TransferBytes b,
      DataAssignment a,
      List<String> capturePaths) {
    ExpectedDataChannel ch = e.channel();
    long expected = TransferStatus.expectedBytes(ch);
    String status = TransferStatus.of(ch, b, expected, a != null && a.rstSeen());
    if (!TransferStatus.complete(status)) {
      notComplete++;
    }
    boolean serverSends = a != null && ch.direction().serverSends();
    List<Row> gaps = new ArrayList<>();
    List<Row> conflicts = new ArrayList<>();
    List<String> captures = new ArrayList<>();
    if (b != null) {
      b.gaps().forEach(g -> gaps.add(RowFactory.create(g[0], g[1])));
      if (expected > b.length()) {
        // Bytes announced but never seen after the last one captured: missing too.
        gaps.add(RowFactory.create(b.length(), expected));
      }
      b.conflicts().forEach(c -> conflicts.add(RowFactory.create(c[0], c[1])));
      b.captureIds().forEach(id -> captures.add(capturePaths.get(id)));
    }
    long start = b != null ? b.firstNanos() : ch.commandNanos();
    long end = b != null ? b.lastNanos() : ch.finalReplyNanos();
    return RowFactory.create(
        matching.transferId(transfer),
        e.sessionId(),
        ch.command(),
        ch.path(),
        ch.pathBytes(),
        ch.resolvedPath(),
        ch.direction().name().toLowerCase(Locale.ROOT),
        ch.mode(),
        e.ipVersion(),
        e.clientIp(),
        e.clientPort(),
        e.serverIp(),
        e.serverPort(),
        a == null ? null : (serverSends ? a.receiverIp() : a.senderIp()),
        a == null ? null : (serverSends ? a.receiverPort() : a.senderPort()),
        a == null ? null : (serverSends ? a.senderIp() : a.receiverIp()),
        a == null ? null : (serverSends ? a.senderPort() : a.receiverPort()),
        ch.user(),
        Times.timestampOrNull(start),
        Times.timestampOrNull(end),
        b == null ? 0L : b.length(),
        expected < 0 ? null : expected,
        b == null ? null : b.sha256(),
        b == null ? null : b.md5(),
        b == null ? null : b.mimeType(),
        status,
        b == null ? 0L : b.missingBytes() + Math.max(0, expected - b.length()),
        gaps.toArray(Row[]::new),
        ch.restOffset(),
        ch.transferType(),
        ch.replyCode() == 0 ? null : ch.replyCode(),
        ch.replyText(),
        b == null ? null : b.file(),
        captures.toArray(String[]::new),
        b == null ? null : record(b.firstRecord(), capturePaths),
        b == null ? null : record(b.lastRecord(), capturePaths),
        b == null ? 0L : b.duplicateBytes(),
        b == null ? 0L : b.conflictBytes(),
        conflicts.toArray(Row[]::new),
        ch.announcedAddressDiffers(),
        ch.endpointReused(),
        ch.storedName(),
        b == null ? 0L : b.segments());
  }
}
