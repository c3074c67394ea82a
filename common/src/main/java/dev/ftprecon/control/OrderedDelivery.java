package dev.ftprecon.control;

import dev.ftprecon.tcp.SequenceUnwrapper;
import java.util.Map;
import java.util.TreeMap;

/**
 * One direction of a control connection: turns segments that arrive in capture order into in-order
 * bytes. Segments ahead of the next expected byte wait in a buffer bounded by {@code
 * maxBufferedBytes}; when it overflows, or at the end, the hole is skipped and reported.
 */
final class OrderedDelivery {
  /** Receives in-order bytes, and holes that will never be filled. */
  interface Sink {
    void data(long tsNanos, byte[] buf, int off, int len);

    void gap(long tsNanos, long bytes);
  }

  /** Bytes waiting behind a hole, with the time of the packet that carried them. */
  private record Pending(long tsNanos, byte[] bytes) {}

  private final long maxBufferedBytes;
  private final long maxHoleWaitNanos;
  private final Sink sink;
  private final TreeMap<Long, Pending> pending = new TreeMap<>();
  private SequenceUnwrapper unwrapper;
  private long next;
  private long bufferedBytes;
  private long gapBytes;

  OrderedDelivery(long maxBufferedBytes, long maxHoleWaitNanos, Sink sink) {
    this.maxBufferedBytes = maxBufferedBytes;
    this.maxHoleWaitNanos = maxHoleWaitNanos;
    this.sink = sink;
  }

  /** Capture time has reached {@code tsNanos}: give up on holes older than the wait allows. */
  void advanceTo(long tsNanos) {
    while (!pending.isEmpty()
        && tsNanos - pending.firstEntry().getValue().tsNanos() > maxHoleWaitNanos) {
      skipToFirstPending();
      drain();
    }
  }

  /** A SYN fixes the stream's origin: its first data byte is ISN + 1 (RFC 793 §3.3). */
  void syn(long seq) {
    if (unwrapper == null) {
      unwrapper = new SequenceUnwrapper((seq + 1) & 0xFFFFFFFFL);
      next = 0;
    }
  }

  void segment(long tsNanos, long seq, byte[] payload, int off, int len) {
    if (len <= 0) {
      return;
    }
    if (unwrapper == null) {
      // Capture started mid-connection: the first data we see defines the origin.
      unwrapper = new SequenceUnwrapper(seq);
      next = 0;
    }
    long offset = unwrapper.unwrap(seq);
    long end = offset + len;
    if (end <= next) {
      return; // a retransmission of bytes already delivered
    }
    if (offset <= next) {
      int skip = (int) (next - offset);
      sink.data(tsNanos, payload, off + skip, len - skip);
      next = end;
      drain();
      return;
    }
    byte[] copy = new byte[len];
    System.arraycopy(payload, off, copy, 0, len);
    Pending previous = pending.put(offset, new Pending(tsNanos, copy));
    bufferedBytes += len - (previous == null ? 0 : previous.bytes().length);
    while (bufferedBytes > maxBufferedBytes && !pending.isEmpty()) {
      skipToFirstPending();
      drain();
    }
  }

  /** Delivers whatever still waits behind a hole. */
  void finish() {
    while (!pending.isEmpty()) {
      skipToFirstPending();
      drain();
    }
  }

  long gapBytes() {
    return gapBytes;
  }

  private void skipToFirstPending() {
    long first = pending.firstKey();
    if (first > next) {
      sink.gap(pending.firstEntry().getValue().tsNanos(), first - next);
      gapBytes += first - next;
      next = first;
    }
  }

  private void drain() {
    while (!pending.isEmpty()) {
      Map.Entry<Long, Pending> head = pending.firstEntry();
      long offset = head.getKey();
      if (offset > next) {
        return;
      }
      pending.pollFirstEntry();
      long tsNanos = head.getValue().tsNanos();
      byte[] bytes = head.getValue().bytes();
      bufferedBytes -= bytes.length;
      long end = offset + bytes.length;
      if (end > next) {
        int skip = (int) (next - offset);
        sink.data(tsNanos, bytes, skip, bytes.length - skip);
        next = end;
      }
    }
  }
}
