package dev.ftprecon.tcp;

/**
 * What one run of a direction's segments (those of one capture split, in capture order) says about
 * its sequence space, so that the runs can be chained into 64-bit stream offsets without putting
 * all segments of the direction in one place ({@link SpanChain}).
 *
 * <p>Only segments that carry stream data or control count: payload, SYN, FIN or RST (a pure
 * acknowledgement says nothing about the sender's sequence space). Offsets here are relative to the
 * run's first sequence number, unwrapped as {@link SequenceUnwrapper} does; two numbers summarise
 * the run: the highest offset at which a segment started and the highest offset at which one with
 * payload ended.
 */
public final class SequenceSpan {
  /** {@link #highestEnd} of a run without payload. */
  public static final long NO_END = Long.MIN_VALUE;

  private SequenceUnwrapper unwrapper;
  private long firstNanos;
  private boolean firstIsSyn;
  private long highestEnd = NO_END;

  /**
   * Adds a segment of the run, in capture order: its capture time, its 32-bit sequence number,
   * whether it has SYN set, and its captured payload length.
   */
  public void see(long nanos, long seq32, boolean syn, int payloadLength) {
    if (unwrapper == null) {
      unwrapper = new SequenceUnwrapper(seq32);
      firstNanos = nanos;
      firstIsSyn = syn;
    }
    long offset = unwrapper.unwrap(seq32);
    if (payloadLength > 0) {
      highestEnd = Math.max(highestEnd, offset + payloadLength);
    }
  }

  /** Whether any segment was seen. */
  public boolean isEmpty() {
    return unwrapper == null;
  }

  /** The sequence number of the run's first segment, or -1 when empty. */
  public long firstSeq() {
    return unwrapper == null ? -1 : unwrapper.baseSeq();
  }

  /** The capture time of the run's first segment (0 when empty). */
  public long firstNanos() {
    return firstNanos;
  }

  /** Whether the run's first segment had SYN set. */
  public boolean firstIsSyn() {
    return firstIsSyn;
  }

  /** The highest offset, relative to {@link #firstSeq}, at which a segment started (0 or more). */
  public long highestStart() {
    return unwrapper == null ? 0 : unwrapper.highestOffset();
  }

  /**
   * The highest offset, relative to {@link #firstSeq}, at which payload ended, or {@link #NO_END}.
   */
  public long highestEnd() {
    return highestEnd;
  }
}
