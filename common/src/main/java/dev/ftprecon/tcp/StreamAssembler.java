package dev.ftprecon.tcp;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Writes the payload of one direction of a TCP connection to a sink, sequentially and with memory
 * bounded by {@link AssemblyLimits} whatever the stream size.
 *
 * <p>Segments must be fed in ascending stream offset (64-bit, see {@link SequenceUnwrapper}); ties
 * in capture order. Each byte lands at its true position {@code offset - startOffset} in the sink:
 *
 * <ul>
 *   <li>A hole between the end written so far and a segment's start is written as zero bytes and
 *       recorded as a gap, like Zeek's file extraction does, so later bytes keep their position.
 *   <li>Bytes overlapping what was already written are not written again (the sink is append-only)
 *       but compared with the recently written bytes: equal ones count as duplicates, different
 *       ones as conflicts. The first bytes written win: once data was received in order, every
 *       stack keeps it and processes only the new part of a segment straddling old and new (RFC 793
 *       §3.9, RFC 9293 §3.10.7.4). Stacks differ only for overlaps inside their out-of-order queue,
 *       which is why IDSs such as Snort and Suricata offer per-OS reassembly policies; conflicts
 *       are therefore recorded as ranges so that a reader knows which bytes are in doubt. Overlap
 *       reaching further back than the check window is counted as unchecked.
 *   <li>Payload before {@code startOffset} is counted and skipped.
 *   <li>A segment below an earlier one violates the input order; it is counted and handled as far
 *       as possible: its new bytes are appended, its overlap compared, and what was already written
 *       is never changed. Its bytes falling into an already zero-filled gap are counted as late.
 * </ul>
 *
 * <p>Stream offsets are 64-bit and do not wrap, so they are compared with ordinary operators.
 *
 * <p>Not thread-safe. After an {@link IOException} from the sink the assembler refuses further
 * calls.
 */
public final class StreamAssembler {

  /** Passed to {@link #finish} when the end of the stream is not known. */
  public static final long UNKNOWN_END = -1;

  private static final byte[] ZEROS = new byte[64 * 1024];

  private final OutputStream sink;
  private final long startOffset;
  private final RecentBytes recent;
  private final RangeCollector gaps;
  private final OverlapTally overlaps;

  private long dataBytes;
  private long missingBytes;
  private long bytesBeforeStart;
  private long segments;
  private long outOfOrderCalls;
  private long highestSegmentOffset = Long.MIN_VALUE;
  private boolean finished;
  private boolean failed;

  /**
   * @param sink receives the file, written sequentially; flushed but not closed by {@link #finish}
   * @param startOffset the stream offset written at position 0 of the sink
   * @param limits memory caps
   */
  public StreamAssembler(OutputStream sink, long startOffset, AssemblyLimits limits) {
    this.sink = Objects.requireNonNull(sink, "sink");
    this.startOffset = startOffset;
    Objects.requireNonNull(limits, "limits");
    this.recent = new RecentBytes(limits.overlapCheckWindowBytes());
    this.gaps = new RangeCollector(limits.maxRanges());
    this.overlaps = new OverlapTally(recent, limits.maxRanges());
  }

  /**
   * Adds one segment's payload, {@code buf[off, off + len)}, found at stream offset {@code offset}.
   * The buffer is not retained.
   */
  public void accept(long offset, byte[] buf, int off, int len) throws IOException {
    accept(offset, buf, off, len, true);
  }

  /**
   * Like {@link #accept}, for bytes that no later copy will be compared with: a part that no other
   * copy overlaps, as {@link FirstCopySweep} tells. They are written but not kept in the
   * overlap-check window, which saves copying every byte of a stream sent once; should a later copy
   * reach them after all, its bytes count as unchecked.
   */
  public void acceptUncompared(long offset, byte[] buf, int off, int len) throws IOException {
    accept(offset, buf, off, len, false);
  }

  private void accept(long offset, byte[] buf, int off, int len, boolean keep) throws IOException {
    requireUsable();
    Objects.checkFromIndexSize(off, len, buf.length);
    long end = Math.addExact(offset, len);
    segments++;
    if (len == 0) {
      return;
    }
    if (offset < highestSegmentOffset) {
      outOfOrderCalls++;
    } else {
      highestSegmentOffset = offset;
    }
    if (offset < startOffset) {
      int skipped = (int) (Math.min(end, startOffset) - offset);
      bytesBeforeStart += skipped;
      off += skipped;
      len -= skipped;
      offset += skipped;
    }
    long position = Math.subtractExact(offset, startOffset);
    if (len > 0 && position < recent.end()) {
      int overlap = (int) Math.min(len, recent.end() - position);
      overlaps.compare(position, buf, off, overlap);
      position += overlap;
      off += overlap;
      len -= overlap;
    }
    if (len > 0) {
      if (position > recent.end()) {
        writeGap(position - recent.end());
      }
      write(buf, off, len, keep);
    }
  }

  /**
   * Compares a later copy of bytes with what was written, and writes nothing: for a caller that
   * already chose which copy of each byte wins (the one seen first in capture order, say) and feeds
   * the other copies here. Bytes beyond what is written so far cannot be compared and count as
   * unchecked overlap.
   */
  public void compare(long offset, byte[] buf, int off, int len) {
    requireUsable();
    Objects.checkFromIndexSize(off, len, buf.length);
    long end = Math.addExact(offset, len);
    long from = Math.max(offset, startOffset);
    if (from >= end) {
      return;
    }
    long position = from - startOffset;
    int comparable = (int) Math.max(0, Math.min(end - from, recent.end() - position));
    if (comparable > 0) {
      overlaps.compare(position, buf, off + (int) (from - offset), comparable);
    }
    overlaps.unchecked(end - from - comparable);
  }

  /**
   * Ends the stream: writes a trailing gap up to a known end, flushes the sink and reports.
   *
   * @param endOffset the stream offset just after the last byte (from the FIN, or start plus an
   *     expected size), or {@link #UNKNOWN_END}
   */
  public AssemblyResult finish(long endOffset) throws IOException {
    requireUsable();
    long bytesBeyondEnd = 0;
    if (endOffset != UNKNOWN_END) {
      if (endOffset < startOffset) {
        throw new IllegalArgumentException(
            "end offset " + endOffset + " before start offset " + startOffset);
      }
      long endPosition = endOffset - startOffset;
      if (endPosition > recent.end()) {
        writeGap(endPosition - recent.end());
      } else {
        bytesBeyondEnd = recent.end() - endPosition;
      }
    }
    flush();
    finished = true;
    return new AssemblyResult(
        recent.end(),
        dataBytes,
        missingBytes,
        gaps.ranges(),
        gaps.capped() || overlaps.conflicts().capped(),
        overlaps.duplicateBytes(),
        overlaps.conflictBytes(),
        overlaps.conflicts().ranges(),
        overlaps.uncheckedBytes(),
        bytesBeforeStart,
        segments,
        outOfOrderCalls,
        overlaps.lateBytes(),
        bytesBeyondEnd);
  }

  private void writeGap(long count) throws IOException {
    gaps.add(recent.end(), recent.end() + count);
    missingBytes += count;
    try {
      for (long left = count; left > 0; ) {
        int piece = (int) Math.min(left, ZEROS.length);
        sink.write(ZEROS, 0, piece);
        left -= piece;
      }
    } catch (IOException e) {
      failed = true;
      throw e;
    }
    recent.appendFill(count);
  }

  private void write(byte[] buf, int off, int len, boolean keep) throws IOException {
    try {
      sink.write(buf, off, len);
    } catch (IOException e) {
      failed = true;
      throw e;
    }
    dataBytes += len;
    if (keep) {
      recent.appendData(buf, off, len);
    } else {
      recent.appendUnkept(len);
    }
  }

  private void flush() throws IOException {
    try {
      sink.flush();
    } catch (IOException e) {
      failed = true;
      throw e;
    }
  }

  private void requireUsable() {
    if (finished) {
      throw new IllegalStateException("assembler already finished");
    }
    if (failed) {
      throw new IllegalStateException("assembler unusable after a sink write failed");
    }
  }
}
