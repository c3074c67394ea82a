package dev.ftprecon.tcp;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Decides which copy of each stream byte counts when the copies (segments) come in stream-offset
 * order: the copy seen first in capture order, since a receiver keeps the bytes it already has and
 * takes only the new part of a retransmission (RFC 9293 §3.10.7.4). Every other copy of a byte is a
 * later copy, to be compared, never written.
 *
 * <p>The parts that count go to {@link Sink#first} in ascending, non-overlapping offset order (with
 * holes where no copy covers the stream), which is what {@link StreamAssembler#accept} wants. A
 * copy's later parts go to {@link Sink#later} once every byte it covers has been handed on, so that
 * they can be compared with what was written.
 *
 * <p>Only the copies overlapping the current offset are held. Their number is capped ({@code
 * maxActive}): past it, an arriving copy is handed on whole, at once, as a later copy (compared as
 * far as bytes were written, never written itself), which only a capture with that many copies of
 * the same bytes reaches.
 *
 * <p>Capture order is (timestamp, capture, record offset), as everywhere in the job.
 *
 * @param <T> what the caller needs to find a copy's bytes again
 */
public final class FirstCopySweep<T> {

  /** Receives the decisions. {@code from} and {@code len} are a part of the copy at {@code at}. */
  public interface Sink<T> {
    /**
     * A part that counts. {@code overlapped} is false when no other copy covers any of its bytes:
     * then no later part will be compared with them ({@link StreamAssembler#acceptUncompared}).
     */
    void first(T copy, long at, long from, int len, boolean overlapped) throws IOException;

    void later(T copy, long at, long from, int len) throws IOException;
  }

  private static final Comparator<Copy<?>> CAPTURE_ORDER =
      Comparator.<Copy<?>>comparingLong(c -> c.ts)
          .thenComparingInt(c -> c.capture)
          .thenComparingLong(c -> c.record);

  private static final Comparator<Copy<?>> END_ORDER = Comparator.comparingLong(c -> c.end);

  private final Sink<T> sink;
  private final int maxActive;
  private final PriorityQueue<Copy<T>> byCaptureOrder = new PriorityQueue<>(CAPTURE_ORDER);
  private final PriorityQueue<Copy<T>> byEnd = new PriorityQueue<>(END_ORDER);

  /** Every byte before it was handed on. */
  private long cursor = Long.MIN_VALUE;

  private long lastOffset = Long.MIN_VALUE;

  public FirstCopySweep(Sink<T> sink, int maxActive) {
    if (maxActive < 1) {
      throw new IllegalArgumentException("maxActive must be positive: " + maxActive);
    }
    this.sink = sink;
    this.maxActive = maxActive;
  }

  /**
   * Adds a copy of {@code [offset, offset + len)} seen at (ts, capture, record); offsets must not
   * decrease from one call to the next. Copies without bytes are ignored.
   */
  public void add(long offset, int len, long ts, int capture, long record, T copy)
      throws IOException {
    if (offset < lastOffset) {
      throw new IllegalArgumentException(
          "copies must come in offset order: " + offset + " after " + lastOffset);
    }
    lastOffset = offset;
    if (len <= 0) {
      return;
    }
    settle(offset);
    if (byEnd.size() >= maxActive) {
      sink.later(copy, offset, offset, len);
      return;
    }
    Copy<T> c = new Copy<>(offset, offset + len, ts, capture, record, copy);
    byCaptureOrder.add(c);
    byEnd.add(c);
  }

  /** Hands on everything still held. */
  public void finish() throws IOException {
    settle(Long.MAX_VALUE);
  }

  /** Hands on every byte before {@code limit}, and the later parts of copies that end there. */
  private void settle(long limit) throws IOException {
    while (true) {
      expire();
      if (cursor >= limit) {
        return;
      }
      Copy<T> winner = byCaptureOrder.peek();
      if (winner == null) {
        cursor = limit;
        continue;
      }
      // Every copy held starts at or before the cursor and ends after it; the earliest in capture
      // order counts until it ends or a new copy (possibly earlier) starts at the limit. Copies
      // added later start at the limit or beyond, so only the copies held now can overlap the part:
      // with the winner alone, none does.
      long until = Math.min(limit, winner.end);
      boolean overlapped = byEnd.size() > 1;
      sink.first(winner.value, winner.offset, cursor, (int) (until - cursor), overlapped);
      winner.won(cursor, until);
      cursor = until;
    }
  }

  /** Drops the copies wholly behind the cursor, handing on their later parts. */
  private void expire() throws IOException {
    while (!byEnd.isEmpty() && byEnd.peek().end <= cursor) {
      Copy<T> c = byEnd.poll();
      byCaptureOrder.remove(c);
      c.handLater(sink);
    }
  }

  private static final class Copy<T> {
    final long offset;
    final long end;
    final long ts;
    final int capture;
    final long record;
    final T value;

    /** The ranges where this copy counted, ascending: {start, end} pairs, {@code wonCount} used. */
    private long[] won = NONE;

    private int wonCount;

    private static final long[] NONE = new long[0];

    Copy(long offset, long end, long ts, int capture, long record, T value) {
      this.offset = offset;
      this.end = end;
      this.ts = ts;
      this.capture = capture;
      this.record = record;
      this.value = value;
    }

    void won(long from, long until) {
      if (wonCount > 0 && won[2 * wonCount - 1] == from) {
        won[2 * wonCount - 1] = until;
        return;
      }
      if (2 * wonCount == won.length) {
        won = Arrays.copyOf(won, Math.max(2, won.length * 2));
      }
      won[2 * wonCount] = from;
      won[2 * wonCount + 1] = until;
      wonCount++;
    }

    void handLater(Sink<T> sink) throws IOException {
      long at = offset;
      for (int i = 0; i < wonCount; i++) {
        if (won[2 * i] > at) {
          sink.later(value, offset, at, (int) (won[2 * i] - at));
        }
        at = won[2 * i + 1];
      }
      if (at < end) {
        sink.later(value, offset, at, (int) (end - at));
      }
    }
  }
}
