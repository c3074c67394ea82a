package dev.ftprecon.tcp;

import java.util.PriorityQueue;

/**
 * A run of segment pointers of one stream direction, read in capture order from one capture split,
 * packed as variable-length numbers, each relative to the segment before: a bulk transfer's
 * segments mostly follow each other, so a segment costs about ten bytes instead of a row. Runs are
 * what the second pass ships and the assembly sorts; millions of segments of a large transfer
 * become a few thousand runs.
 *
 * <p>A run is sorted in the order the assembly feeds segments in, (stream offset, timestamp), with
 * capture order breaking ties: {@link Writer#accepts} refuses a segment that would break that order
 * (a retransmission of earlier bytes, a clock stepping back), which then starts a new run. The
 * assembly merges runs into one sorted sequence ({@link Merge}).
 *
 * <p>Per segment: the offset against the end of the segment before (zigzag: overlaps are negative),
 * the payload length, the timestamp against the one before (zigzag), the payload position against
 * the one before (zigzag: a segment without bytes to re-read has -1), the distance from the
 * record's start to the payload (zigzag, for the same reason), and the TCP flags with the
 * truncation bit.
 */
public final class PointerRun {
  private PointerRun() {}

  /** One segment pointer, as written or as read back. */
  public static final class Segment {
    public long offset;
    public int len;
    public long ts;
    public long record;
    public long payloadPos;
    public int flags;
    public boolean truncated;
  }

  /** Packs a run; {@link #clear} makes it ready for the next. Not thread-safe. */
  public static final class Writer {
    private final PackedNumbers.Out out = new PackedNumbers.Out(64);
    private int count;
    private long firstOffset;
    private long firstTs;
    private long firstRecord;
    private long firstPayloadPos;
    private long lastOffset;
    private long lastEnd;
    private long lastTs;
    private long lastPayloadPos;

    public int count() {
      return count;
    }

    /**
     * Whether a segment at {@code offset}, seen at {@code ts} after the ones written (later in
     * capture order), keeps the run sorted by (offset, timestamp).
     */
    public boolean accepts(long offset, long ts) {
      return count == 0 || offset > lastOffset || (offset == lastOffset && ts >= lastTs);
    }

    /** Appends a segment that {@link #accepts} allows. */
    public void add(
        long offset, int len, long ts, long record, long payloadPos, int flags, boolean truncated) {
      if (!accepts(offset, ts)) {
        throw new IllegalArgumentException(
            "segment at " + offset + ", " + ts + " ns would unsort the run");
      }
      if (count == 0) {
        firstOffset = offset;
        firstTs = ts;
        firstRecord = record;
        firstPayloadPos = payloadPos;
        lastEnd = offset;
        lastTs = ts;
        lastPayloadPos = payloadPos;
      }
      out.putSigned(offset - lastEnd);
      out.putUnsigned(len);
      out.putSigned(ts - lastTs);
      out.putSigned(payloadPos - lastPayloadPos);
      out.putSigned(payloadPos - record);
      out.putUnsigned(((long) flags << 1) | (truncated ? 1 : 0));
      count++;
      lastOffset = offset;
      lastEnd = offset + len;
      lastTs = ts;
      lastPayloadPos = payloadPos;
    }

    public long firstOffset() {
      return firstOffset;
    }

    public long firstTs() {
      return firstTs;
    }

    public long firstRecord() {
      return firstRecord;
    }

    public long firstPayloadPos() {
      return firstPayloadPos;
    }

    /** The packed segments, read back by a {@link Cursor} given the run's first fields. */
    public byte[] toBytes() {
      return out.toBytes();
    }

    public void clear() {
      out.clear();
      count = 0;
    }
  }

  /**
   * Reads a run back, segment by segment, into {@link #segment()}; ordered against other cursors by
   * their current segments for a merge.
   */
  public static final class Cursor implements Comparable<Cursor> {
    private final PackedNumbers.In in;
    private final int count;
    private final int capture;
    private final byte[] inline;
    private final Segment segment = new Segment();
    private int read;
    private long lastEnd;
    private long lastTs;
    private long lastPayloadPos;

    /**
     * @param bytes from {@link Writer#toBytes}
     * @param count the number of segments written
     * @param capture the capture the run was read from, for ties in capture order
     * @param inline the payload of a run's only segment when it is carried instead of re-read (IP
     *     fragments reassembled, compressed captures), or null
     */
    public Cursor(
        byte[] bytes,
        int count,
        int capture,
        long firstOffset,
        long firstTs,
        long firstPayloadPos,
        byte[] inline) {
      if (inline != null && count != 1) {
        throw new IllegalArgumentException("carried payload in a run of " + count + " segments");
      }
      this.in = new PackedNumbers.In(bytes);
      this.count = count;
      this.capture = capture;
      this.inline = inline;
      this.lastEnd = firstOffset;
      this.lastTs = firstTs;
      this.lastPayloadPos = firstPayloadPos;
    }

    /** Decodes the next segment into {@link #segment()}; false when the run is done. */
    public boolean next() {
      if (read == count) {
        return false;
      }
      Segment s = segment;
      s.offset = lastEnd + in.getSigned();
      s.len = (int) in.getUnsigned();
      s.ts = lastTs + in.getSigned();
      s.payloadPos = lastPayloadPos + in.getSigned();
      s.record = s.payloadPos - in.getSigned();
      long flags = in.getUnsigned();
      s.flags = (int) (flags >>> 1);
      s.truncated = (flags & 1) != 0;
      read++;
      lastEnd = s.offset + s.len;
      lastTs = s.ts;
      lastPayloadPos = s.payloadPos;
      return true;
    }

    /** The segment the last {@link #next} decoded. */
    public Segment segment() {
      return segment;
    }

    public int capture() {
      return capture;
    }

    /** The carried payload of the run's only segment, or null when it is to be re-read. */
    public byte[] inline() {
      return inline;
    }

    /** By the current segments' (offset, timestamp, capture, record offset). */
    @Override
    public int compareTo(Cursor o) {
      return compare(
          segment.offset,
          segment.ts,
          capture,
          segment.record,
          o.segment.offset,
          o.segment.ts,
          o.capture,
          o.segment.record);
    }

    /** The assembly's order of segments: (offset, timestamp, capture, record offset). */
    public static int compare(
        long offset,
        long ts,
        int capture,
        long record,
        long otherOffset,
        long otherTs,
        int otherCapture,
        long otherRecord) {
      int c = Long.compare(offset, otherOffset);
      if (c == 0) {
        c = Long.compare(ts, otherTs);
      }
      if (c == 0) {
        c = Integer.compare(capture, otherCapture);
      }
      return c != 0 ? c : Long.compare(record, otherRecord);
    }
  }

  /**
   * Merges runs into one sequence sorted as the assembly wants it. Runs are added in the order of
   * their first segments (the assembly's sort), each before the merge hands out a segment that
   * sorts after that run's first ({@link #headNotAfter} tells): a k-way merge over the runs that
   * overlap the current offset. A stream sent in order has one such run at a time, a stream with
   * retransmissions one per copy of the current bytes.
   */
  public static final class Merge {
    private final PriorityQueue<Cursor> runs = new PriorityQueue<>();
    private Cursor taken;

    /** Adds a run not read yet; an empty one is dropped. */
    public void add(Cursor run) {
      requeue();
      if (run.next()) {
        runs.add(run);
      }
    }

    /**
     * Whether the next segment sorts at or before a run's first segment (offset, ts, capture,
     * record): false when nothing is left, so that the run is added before anything is taken.
     */
    public boolean headNotAfter(long offset, long ts, int capture, long record) {
      requeue();
      Cursor head = runs.peek();
      if (head == null) {
        return false;
      }
      Segment s = head.segment;
      return Cursor.compare(s.offset, s.ts, head.capture, s.record, offset, ts, capture, record)
          <= 0;
    }

    public boolean isEmpty() {
      requeue();
      return runs.isEmpty();
    }

    /** The run holding the next segment, in {@link Cursor#segment()} until the next call. */
    public Cursor take() {
      requeue();
      taken = runs.poll();
      if (taken == null) {
        throw new java.util.NoSuchElementException("no runs left");
      }
      return taken;
    }

    private void requeue() {
      if (taken != null) {
        if (taken.next()) {
          runs.add(taken);
        }
        taken = null;
      }
    }
  }
}
