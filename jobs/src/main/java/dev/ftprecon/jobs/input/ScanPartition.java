package dev.ftprecon.jobs.input;

import dev.ftprecon.flow.DirectionTable;
import dev.ftprecon.jobs.source.CaptureSplit;
import dev.ftprecon.jobs.source.SplitScanner;
import dev.ftprecon.jobs.source.SplitSummary;
import dev.ftprecon.packet.TcpSegment;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Runs the first-pass tasks of one partition lazily. Per split: the segments on control ports as
 * rows (with payload), the facts of every connection direction seen (a bounded {@link
 * DirectionTable}; only these small rows stand for the other traffic) with the log of its stream
 * segments while the logs fit their budget, then the split's summary.
 */
final class ScanPartition implements FlatMapFunction<Iterator<ScanTask>, InternalRow> {
  private static final long serialVersionUID = 1L;
  private final SharedConfiguration conf;
  private final Set<Integer> controlPorts;
  private final int maxDirections;
  private final long logBudget;

  ScanPartition(
      SharedConfiguration conf, Set<Integer> controlPorts, int maxDirections, long logBudget) {
    this.conf = conf;
    this.controlPorts = controlPorts;
    this.maxDirections = maxDirections;
    this.logBudget = logBudget;
  }

  @Override
  public Iterator<InternalRow> call(Iterator<ScanTask> tasks) {
    Configuration hadoop = conf.value();
    return new Iterator<>() {
      private final ArrayDeque<CaptureSplit> splits = new ArrayDeque<>();
      private final ArrayDeque<InternalRow> pending = new ArrayDeque<>();
      private SplitScanner current;
      private DirectionTable directions;

      @Override
      public boolean hasNext() {
        while (pending.isEmpty()) {
          if (current != null) {
            scanSome();
          } else if (!splits.isEmpty()) {
            CaptureSplit split = splits.poll();
            current = new SplitScanner(split, hadoop);
            // Payloads read through a codec cannot be re-read by position: no logs (see
            // DirectionTable), the data pass reads such splits again.
            directions =
                new DirectionTable(
                    maxDirections,
                    current.seekable() ? logBudget : 0,
                    (key, facts) ->
                        pending.add(ScanRows.facts(split.fileId(), split.start(), key, facts)));
          } else if (tasks.hasNext()) {
            splits.addAll(tasks.next().splits());
          } else {
            return false;
          }
        }
        return true;
      }

      /** Reads on until a row is pending or the split ends. */
      private void scanSome() {
        while (pending.isEmpty()) {
          if (!current.nextSegment()) {
            directions.flush();
            SplitSummary summary = current.summary();
            SplitInputMetrics.splitRead(current.split(), Long.MAX_VALUE, summary.packets());
            pending.add(ScanRows.summary(summary, directions.logsComplete()));
            current = null;
            directions = null;
            return;
          }
          TcpSegment s = current.segment();
          int head = ScanRows.head(current.record(), s);
          directions.see(
              s,
              current.record().timestampNanos(),
              head,
              current.record().recordOffset(),
              ScanRows.payloadPosition(current.record(), s, current.seekable()));
          if (controlPorts.contains(s.srcPort()) || controlPorts.contains(s.dstPort())) {
            pending.add(
                ScanRows.segment(
                    current.split().fileId(), current.record(), s, current.seekable(), true));
          }
        }
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
