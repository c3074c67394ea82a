package dev.ftprecon.flow;

import dev.ftprecon.packet.TcpSegment;
import dev.ftprecon.tcp.SegmentLog;
import dev.ftprecon.tcp.SequenceSpan;

/**
 * What the segments of one direction said, over part of a capture. Times are capture nanoseconds;
 * {@link #NONE} marks a time never seen. Two facts of the same direction merge by min, max and sum
 * ({@link #merge}), in any order.
 *
 * <p>Besides, the facts of one table ({@link DirectionTable}) summarise the direction's sequence
 * space over the segments they saw ({@link #span}); spans do not merge, they chain in capture order
 * ({@link dev.ftprecon.tcp.SpanChain}), each known by its {@link #piece} number.
 */
public final class DirectionFacts {
  /** A time that was not seen. */
  public static final long NONE = Long.MAX_VALUE;

  private static final int SYN_ACK = TcpSegment.SYN | TcpSegment.ACK;

  /** "220 " and "220-" as big-endian ints: an FTP greeting (RFC 959 §5.4, reply to connection). */
  private static final int GREETING_SPACE = 0x32323020;

  private static final int GREETING_DASH = 0x3232302D;

  private final int piece;
  private final SequenceSpan span = new SequenceSpan();
  private long firstNanos = NONE;
  private long lastNanos = Long.MIN_VALUE;
  private long synNanos = NONE;
  private long rstNanos = NONE;
  private long payloadBytes;
  private long segments;
  private long firstPayloadNanos = NONE;
  private int firstPayloadHead;
  private boolean greeting;
  private SegmentLog.Writer log;

  /**
   * The log of this direction's stream segments its table kept, or null ({@link DirectionTable}).
   */
  public SegmentLog.Writer log() {
    return log;
  }

  SegmentLog.Writer startLog() {
    log = new SegmentLog.Writer();
    return log;
  }

  void dropLog() {
    log = null;
  }

  /** Facts numbered {@code piece}: how many times their table was emptied before they began. */
  public DirectionFacts(int piece) {
    this.piece = piece;
  }

  /**
   * Adds one segment: {@code head} is its first four payload bytes as a big-endian int (0 when the
   * payload is shorter).
   */
  public void see(long nanos, int flags, int payloadLength, int head) {
    segments++;
    firstNanos = Math.min(firstNanos, nanos);
    lastNanos = Math.max(lastNanos, nanos);
    if ((flags & SYN_ACK) == TcpSegment.SYN) {
      synNanos = Math.min(synNanos, nanos);
    }
    if ((flags & TcpSegment.RST) != 0) {
      rstNanos = Math.min(rstNanos, nanos);
    }
    if (payloadLength > 0) {
      payloadBytes += payloadLength;
      if (nanos < firstPayloadNanos) {
        firstPayloadNanos = nanos;
        firstPayloadHead = head;
      }
      greeting |= head == GREETING_SPACE || head == GREETING_DASH;
    }
  }

  /**
   * Folds {@code other} (the same direction, elsewhere in the captures) into this; the spans stay
   * apart (this one is kept).
   */
  public void merge(DirectionFacts other) {
    segments += other.segments;
    firstNanos = Math.min(firstNanos, other.firstNanos);
    lastNanos = Math.max(lastNanos, other.lastNanos);
    synNanos = Math.min(synNanos, other.synNanos);
    rstNanos = Math.min(rstNanos, other.rstNanos);
    payloadBytes += other.payloadBytes;
    if (other.firstPayloadNanos < firstPayloadNanos) {
      firstPayloadNanos = other.firstPayloadNanos;
      firstPayloadHead = other.firstPayloadHead;
    }
    greeting |= other.greeting;
  }

  /** The number of times the table was emptied before these facts began (0 for the first). */
  public int piece() {
    return piece;
  }

  /** The sequence space of the segments seen that carry stream ({@link StreamSegments}). */
  public SequenceSpan span() {
    return span;
  }

  public long firstNanos() {
    return firstNanos;
  }

  public long lastNanos() {
    return lastNanos;
  }

  /** First SYN without ACK (an opening), or {@link #NONE}. */
  public long synNanos() {
    return synNanos;
  }

  /** First RST, or {@link #NONE}. */
  public long rstNanos() {
    return rstNanos;
  }

  public long payloadBytes() {
    return payloadBytes;
  }

  public long segments() {
    return segments;
  }

  /** Time of the first segment with payload, or {@link #NONE}. */
  public long firstPayloadNanos() {
    return firstPayloadNanos;
  }

  /** First four payload bytes of that segment, big-endian (0 when shorter or none). */
  public int firstPayloadHead() {
    return firstPayloadHead;
  }

  /** Whether any payload of this direction began like an FTP greeting ("220 " or "220-"). */
  public boolean greeting() {
    return greeting;
  }
}
