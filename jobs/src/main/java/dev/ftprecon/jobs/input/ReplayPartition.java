package dev.ftprecon.jobs.input;

import dev.ftprecon.jobs.schema.ScanSchema;
import dev.ftprecon.jobs.schema.SegmentSchema;
import dev.ftprecon.tcp.SegmentLog;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.functions;

/**
 * Replays the first pass's segment logs, one facts row ({@link #COLUMNS} of it) per direction and
 * split, into the rows {@link ReplayableSegmentRows} makes of them, up to each file's cut.
 */
final class ReplayPartition implements FlatMapFunction<Iterator<InternalRow>, InternalRow> {
  private static final long serialVersionUID = 1L;

  /** The columns read of each facts row; the split's start is in {@code record_offset}. */
  static final Column[] COLUMNS = {
    functions.col(SegmentSchema.CAPTURE_ID),
    functions.col(SegmentSchema.RECORD_OFFSET),
    functions.col(SegmentSchema.SRC_IP),
    functions.col(SegmentSchema.SRC_PORT),
    functions.col(SegmentSchema.DST_IP),
    functions.col(SegmentSchema.DST_PORT),
    functions.col(ScanSchema.LOG),
    functions.col(ScanSchema.LOG_SEGMENTS)
  };

  private final ReplayableSegmentRows rows;
  private final Map<Integer, Long> cuts;

  ReplayPartition(ReplayableSegmentRows rows, Map<Integer, Long> cuts) {
    this.rows = rows;
    this.cuts = cuts;
  }

  @Override
  public Iterator<InternalRow> call(Iterator<InternalRow> logs) {
    return new Iterator<>() {
      private Iterator<InternalRow> pending = List.<InternalRow>of().iterator();

      @Override
      public boolean hasNext() {
        while (!pending.hasNext() && logs.hasNext()) {
          pending = replay(logs.next()).iterator();
        }
        return pending.hasNext();
      }

      @Override
      public InternalRow next() {
        hasNext();
        return pending.next();
      }
    };
  }

  private List<InternalRow> replay(InternalRow r) {
    int fileId = r.getInt(0);
    List<InternalRow> out = new ArrayList<>();
    rows.replay(
        fileId,
        r.getLong(1),
        r.getUTF8String(2).toString(),
        r.getInt(3),
        r.getUTF8String(4).toString(),
        r.getInt(5),
        new SegmentLog.Reader(r.getBinary(6), r.getInt(7)),
        cuts.getOrDefault(fileId, Long.MAX_VALUE),
        out::add);
    return out;
  }
}
