package dev.ftprecon.jobs.input;

import dev.ftprecon.capture.CaptureRecord;
import dev.ftprecon.jobs.source.CaptureSplit;
import dev.ftprecon.packet.TcpSegment;
import java.io.Serializable;
import java.util.function.Consumer;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * What a second pass over the captures ({@link CaptureScan#select}) makes of each segment: the rows
 * it stands for, in the pass's schema, or none. Called for every segment read, so it should reject
 * the others with a cheap test first.
 */
public interface SegmentRows extends Serializable {
  /** {@code splitStart}: where the split being read starts in the capture (its first pass key). */
  void add(
      int fileId,
      long splitStart,
      CaptureRecord record,
      TcpSegment segment,
      boolean seekable,
      Consumer<InternalRow> out);

  /** The split being read ended: rows still held for it go to {@code out}. */
  default void endSplit(Consumer<InternalRow> out) {}

  /**
   * Whether any row can come from {@code split}; the pass does not read the splits for which this
   * is false. Asked on the driver, before the pass's tasks are made. By default every split is
   * read.
   */
  default boolean reads(CaptureSplit split) {
    return true;
  }
}
