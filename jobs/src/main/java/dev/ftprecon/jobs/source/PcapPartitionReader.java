package dev.ftprecon.jobs.source;

import dev.ftprecon.capture.CaptureRecord;
import dev.ftprecon.jobs.source.PcapOptions.Mode;
import dev.ftprecon.packet.TcpSegment;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.unsafe.types.UTF8String;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a task's splits one after the other into rows of the selected columns, and applies {@link
 * PcapOptions} to what each split's summary reports.
 */
final class PcapPartitionReader implements PartitionReader<InternalRow>, PcapRecordView {
  private static final Logger LOG = LoggerFactory.getLogger(PcapPartitionReader.class);

  private final ArrayDeque<CaptureSplit> splits;
  private final Configuration conf;
  private final PcapOptions options;
  private final PcapColumn[] columns;
  private SplitScanner current;
  private UTF8String path;

  PcapPartitionReader(
      List<CaptureSplit> splits, Configuration conf, PcapOptions options, PcapColumn[] columns) {
    this.splits = new ArrayDeque<>(splits);
    this.conf = conf;
    this.options = options;
    this.columns = columns;
  }

  @Override
  public boolean next() throws IOException {
    while (true) {
      if (current == null) {
        if (splits.isEmpty()) {
          return false;
        }
        current = new SplitScanner(splits.poll(), conf);
        path = UTF8String.fromString(current.split().path());
      }
      if (current.nextSegment()) {
        return true;
      }
      SplitSummary summary = current.summary();
      CaptureSplit split = current.split();
      current = null;
      judge(split, summary);
    }
  }

  /** Spark's vocabulary applied to a split's trouble: skip, warn, or fail naming the file. */
  private void judge(CaptureSplit split, SplitSummary summary) throws IOException {
    String where = split.path() + " [" + split.start() + ", " + split.end() + ")";
    boolean damage = summary.errorOffset() != null;
    if (summary.stopped() && !damage) {
      // not a capture, or the stream failed: a corrupt file in Spark's terms
      if (!options.ignoreCorruptFiles()) {
        throw new IOException(
            "pcap: cannot read "
                + where
                + ": "
                + summary.error()
                + " (option "
                + PcapOptions.IGNORE_CORRUPT_FILES
                + "=true skips such files)");
      }
      LOG.warn("pcap: skipped the corrupt file {}: {}", where, summary.error());
    } else if (damage) {
      String message =
          "pcap: damaged capture "
              + split.path()
              + " at offset "
              + summary.errorOffset()
              + ": "
              + summary.error();
      switch (options.mode()) {
        case FAILFAST -> throw new IOException(message + " (mode " + Mode.FAILFAST + ")");
        case PERMISSIVE -> LOG.warn("{}; the records before it were read", message);
        case DROPMALFORMED -> LOG.info("{}; dropped the rest of the file", message);
      }
    } else if (summary.successorOutOfSync()) {
      String message =
          "pcap: the split after "
              + where
              + " starts off the record boundaries; its rows may be wrong"
              + " (a larger spark.sql.files.maxPartitionBytes reads the file in fewer splits)";
      if (options.mode() == Mode.FAILFAST) {
        throw new IOException(message + " (mode " + Mode.FAILFAST + ")");
      }
      LOG.warn(message);
    }
  }

  @Override
  public InternalRow get() {
    Object[] values = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      values[i] = columns[i].value(this);
    }
    return new GenericInternalRow(values);
  }

  @Override
  public UTF8String path() {
    return path;
  }

  @Override
  public CaptureRecord record() {
    return current.record();
  }

  @Override
  public TcpSegment segment() {
    return current.segment();
  }

  @Override
  public void close() {
    if (current != null) {
      current.close();
    }
  }
}
