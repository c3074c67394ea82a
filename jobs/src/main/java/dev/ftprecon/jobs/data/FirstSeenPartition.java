package dev.ftprecon.jobs.data;

import static dev.ftprecon.jobs.data.DataSegmentSchema.I_BIN;
import static dev.ftprecon.jobs.data.DataSegmentSchema.I_CAPTURE;
import static dev.ftprecon.jobs.data.DataSegmentSchema.I_FLAGS;
import static dev.ftprecon.jobs.data.DataSegmentSchema.I_LEN;
import static dev.ftprecon.jobs.data.DataSegmentSchema.I_PAYLOAD;
import static dev.ftprecon.jobs.data.DataSegmentSchema.I_PAYLOAD_POS;
import static dev.ftprecon.jobs.data.DataSegmentSchema.I_RECORD;
import static dev.ftprecon.jobs.data.DataSegmentSchema.I_SEQ;
import static dev.ftprecon.jobs.data.DataSegmentSchema.I_TRANSFER;
import static dev.ftprecon.jobs.data.DataSegmentSchema.I_TRUNCATED;
import static dev.ftprecon.jobs.data.DataSegmentSchema.I_TS;

import dev.ftprecon.tcp.AssemblyLimits;
import dev.ftprecon.tcp.SeenRanges;
import dev.ftprecon.tcp.SequenceUnwrapper;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;

/**
 * Walks each transfer's segments in capture order and decides, for every byte, which copy counts:
 * the first one seen (a retransmission never overrides bytes already received, RFC 9293 §3.10.7.4).
 * Each segment gets its 64-bit stream offset (the unwrapper follows the sequence space across any
 * number of 2^32 wraps; the origin is the SYN's ISN + 1, or for a connection already open when the
 * capture began, the first segment seen) and is split into rows for the parts seen first and
 * "check" rows for the parts seen before, which are compared but never written.
 */
final class FirstSeenPartition implements FlatMapFunction<Iterator<InternalRow>, InternalRow> {
  private static final long serialVersionUID = 1L;
  private static final int SYN = 0x02;

  @Override
  public Iterator<InternalRow> call(Iterator<InternalRow> rows) {
    return new Iterator<>() {
      private final ArrayDeque<InternalRow> out = new ArrayDeque<>();
      private int transfer = -1;
      private SequenceUnwrapper unwrapper;
      private SeenRanges seen;

      @Override
      public boolean hasNext() {
        while (out.isEmpty() && rows.hasNext()) {
          split(rows.next());
        }
        return !out.isEmpty();
      }

      @Override
      public InternalRow next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return out.poll();
      }

      private void split(InternalRow row) {
        int t = row.getInt(I_TRANSFER);
        long seq = row.getLong(I_SEQ);
        if (t != transfer) {
          transfer = t;
          boolean syn = (row.getInt(I_FLAGS) & SYN) != 0;
          unwrapper = new SequenceUnwrapper(syn ? (seq + 1) & 0xFFFFFFFFL : seq);
          seen = new SeenRanges(AssemblyLimits.DEFAULTS.maxRanges());
        }
        long offset = unwrapper.unwrap(seq);
        int len = row.getInt(I_LEN);
        if (len == 0) {
          out.add(withOffset(row, offset, 0, 0, false));
          return;
        }
        long end = offset + len;
        // RFC 1122 §4.2.3.6: a keep-alive re-sends the byte before the next one expected, often
        // with garbage in it; it is not a copy of data and must not count as a conflict.
        if (len == 1 && end == seen.highestEnd()) {
          return;
        }
        if (seen.wholeIsFirst(offset, end)) {
          out.add(withOffset(row, offset, 0, len, false));
          return;
        }
        long cursor = offset;
        for (long[] fresh : seen.firstSeen(offset, end)) {
          if (fresh[0] > cursor) {
            out.add(withOffset(row, offset, cursor - offset, fresh[0] - cursor, true));
          }
          out.add(withOffset(row, offset, fresh[0] - offset, fresh[1] - fresh[0], false));
          cursor = fresh[1];
        }
        if (cursor < end) {
          out.add(withOffset(row, offset, cursor - offset, end - cursor, true));
        }
      }
    };
  }

  /** The part {@code [skip, skip + len)} of a segment's payload as its own row. */
  private static InternalRow withOffset(
      InternalRow row, long offset, long skip, long len, boolean check) {
    int from = (int) skip;
    boolean whole = skip == 0 && len == row.getInt(I_LEN);
    long pos = row.getLong(I_PAYLOAD_POS);
    byte[] payload = row.isNullAt(I_PAYLOAD) ? null : row.getBinary(I_PAYLOAD);
    if (payload != null && !whole) {
      payload = Arrays.copyOfRange(payload, from, from + (int) len);
    }
    return new GenericInternalRow(
        new Object[] {
          row.getInt(I_TRANSFER),
          row.getLong(I_TS),
          row.getInt(I_CAPTURE),
          row.getLong(I_RECORD),
          whole || pos < 0 ? pos : pos + from,
          row.getLong(I_SEQ),
          // the SYN belongs to the first part only
          skip != 0 ? row.getInt(I_FLAGS) & ~SYN : row.getInt(I_FLAGS),
          (int) len,
          row.getBoolean(I_TRUNCATED),
          payload,
          row.getInt(I_BIN),
          offset + skip,
          check
        });
  }
}
