package dev.ftprecon.jobs.input;

import dev.ftprecon.jobs.source.CaptureSplit;
import dev.ftprecon.jobs.source.SplitScanner;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Reads splits again and yields the rows {@link SegmentRows} makes of their segments, up to each
 * file's cut (where the first pass found that a whole-file read would have stopped), so that the
 * rows equal those of a whole-file read.
 */
final class SelectPartition implements FlatMapFunction<Iterator<ScanTask>, InternalRow> {
  private static final long serialVersionUID = 1L;
  private final SharedConfiguration conf;
  private final SegmentRows selection;
  private final Map<Integer, Long> cuts;

  SelectPartition(SharedConfiguration conf, SegmentRows selection, Map<Integer, Long> cuts) {
    this.conf = conf;
    this.selection = selection;
    this.cuts = cuts;
  }

  @Override
  public Iterator<InternalRow> call(Iterator<ScanTask> tasks) {
    return new Iterator<>() {
      private final ArrayDeque<CaptureSplit> splits = new ArrayDeque<>();
      private SplitScanner current;
      private long cut;
      private final ArrayDeque<InternalRow> pending = new ArrayDeque<>();

      @Override
      public boolean hasNext() {
        while (pending.isEmpty()) {
          if (current != null) {
            if (current.nextSegment() && current.record().recordOffset() < cut) {
              selection.add(
                  current.split().fileId(),
                  current.split().start(),
                  current.record(),
                  current.segment(),
                  current.seekable(),
                  pending::add);
            } else {
              current.close();
              SplitInputMetrics.splitRead(current.split(), cut, current.summary().packets());
              current = null;
              selection.endSplit(pending::add);
            }
          } else if (!splits.isEmpty()) {
            CaptureSplit split = splits.poll();
            cut = cuts.getOrDefault(split.fileId(), Long.MAX_VALUE);
            if (split.start() < cut) {
              current = new SplitScanner(split, conf.value());
            }
          } else if (tasks.hasNext()) {
            splits.addAll(tasks.next().splits());
          } else {
            return false;
          }
        }
        return true;
      }

      @Override
      public InternalRow next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return pending.poll();
      }
    };
  }
}
