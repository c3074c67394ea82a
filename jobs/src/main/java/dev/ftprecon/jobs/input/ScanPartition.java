package dev.ftprecon.jobs.input;

import dev.ftprecon.jobs.source.CaptureSplit;
import dev.ftprecon.jobs.source.SplitScanner;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Runs the scan tasks of one partition lazily: each split's segment rows then its summary row, and
 * one hash row per file to hash.
 */
final class ScanPartition implements FlatMapFunction<Iterator<ScanTask>, InternalRow> {
  private static final long serialVersionUID = 1L;
  private final SerializableConfiguration conf;
  private final Set<Integer> controlPorts;

  ScanPartition(SerializableConfiguration conf, Set<Integer> controlPorts) {
    this.conf = conf;
    this.controlPorts = controlPorts;
  }

  @Override
  public Iterator<InternalRow> call(Iterator<ScanTask> tasks) {
    Configuration hadoop = conf.value();
    return new Iterator<>() {
      private final ArrayDeque<CaptureSplit> splits = new ArrayDeque<>();
      private final ArrayDeque<CaptureFile> hashes = new ArrayDeque<>();
      private SplitScanner current;
      private InternalRow next;

      @Override
      public boolean hasNext() {
        while (next == null) {
          if (current != null) {
            if (current.nextSegment()) {
              next =
                  ScanRows.segment(
                      current.split().fileId(),
                      current.record(),
                      current.segment(),
                      current.seekable(),
                      controlPorts);
            } else {
              next = ScanRows.summary(current.summary());
              current = null;
            }
          } else if (!splits.isEmpty()) {
            current = new SplitScanner(splits.poll(), hadoop);
          } else if (!hashes.isEmpty()) {
            next = ScanRows.hash(FileHasher.hash(hashes.poll(), hadoop));
          } else if (tasks.hasNext()) {
            ScanTask task = tasks.next();
            splits.addAll(task.splits());
            hashes.addAll(task.hashes());
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
        InternalRow row = next;
        next = null;
        return row;
      }
    };
  }
}
