package dev.ftprecon.jobs.data;

import static dev.ftprecon.jobs.data.DataSegmentSchema.I_FLAGS;
import static dev.ftprecon.jobs.data.DataSegmentSchema.I_SEQ;
import static dev.ftprecon.jobs.data.DataSegmentSchema.I_TRANSFER;

import dev.ftprecon.tcp.SequenceUnwrapper;
import java.util.Iterator;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Gives each segment its 64-bit stream offset. Rows arrive per transfer in capture-time order, so
 * the unwrapper can follow the sequence space across any number of 2^32 wraps. The origin is the
 * sender's SYN (ISN + 1, RFC 793 §3.3) or, for a connection already open when the capture began,
 * the first segment seen.
 */
final class UnwrapPartition implements FlatMapFunction<Iterator<Row>, Row> {
  private static final long serialVersionUID = 1L;
  private static final int SYN = 0x02;

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    return new Iterator<>() {
      private int transfer = -1;
      private SequenceUnwrapper unwrapper;

      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        Row row = rows.next();
        int t = row.getInt(I_TRANSFER);
        long seq = row.getLong(I_SEQ);
        if (t != transfer) {
          transfer = t;
          boolean syn = (row.getInt(I_FLAGS) & SYN) != 0;
          unwrapper = new SequenceUnwrapper(syn ? (seq + 1) & 0xFFFFFFFFL : seq);
        }
        long offset = unwrapper.unwrap(seq);
        Object[] values = new Object[row.length() + 1];
        for (int i = 0; i < row.length(); i++) {
          values[i] = row.get(i);
        }
        values[row.length()] = offset;
        return RowFactory.create(values);
      }
    };
  }
}
