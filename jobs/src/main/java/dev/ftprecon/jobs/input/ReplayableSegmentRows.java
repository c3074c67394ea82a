package dev.ftprecon.jobs.input;

import dev.ftprecon.tcp.SegmentLog;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * {@link SegmentRows} that can also make their rows of the first pass's logs ({@link
 * dev.ftprecon.flow.DirectionTable}): the data pass ({@link CaptureScan#dataPass}) replays the logs
 * of the splits the first pass logged whole and reads only the others again.
 */
public interface ReplayableSegmentRows extends SegmentRows {
  /** The sending endpoints ("ip|port") whose logs can yield rows; the others are never replayed. */
  Set<String> senders();

  /**
   * The rows of one direction's log of one split, as {@link #add} then {@link #endSplit} would have
   * made them of the same segments read from the split, up to the record at {@code cut}.
   */
  void replay(
      int fileId,
      long splitStart,
      String srcIp,
      int srcPort,
      String dstIp,
      int dstPort,
      SegmentLog.Reader log,
      long cut,
      Consumer<InternalRow> out);
}
