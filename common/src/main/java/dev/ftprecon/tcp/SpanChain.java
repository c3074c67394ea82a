package dev.ftprecon.tcp;

/**
 * Chains the {@link SequenceSpan}s of one direction, fed in capture order, and tells for each the
 * state that one {@link SequenceUnwrapper} fed every segment in capture order would have had when
 * the run began. A reader of one run can then resume from that state and give its segments the same
 * 64-bit offsets as a single sequential pass would, without seeing the other runs.
 *
 * <p>The origin is the one {@link SequenceUnwrapper} documents: ISN + 1 when the direction's first
 * segment is its SYN, else the first segment's sequence number.
 */
public final class SpanChain {
  private long baseSeq = -1;
  private long highestStart;
  private long highestEnd = SequenceSpan.NO_END;

  /** Where a run begins: resume with {@code new SequenceUnwrapper(baseSeq, highestStart)}. */
  public record Start(long baseSeq, long highestStart, long highestEnd)
      implements java.io.Serializable {}

  /**
   * The state at the start of the next run, described by its span's fields; then moves past it.
   *
   * @param firstSeq the run's first sequence number
   * @param firstIsSyn whether that segment had SYN set (matters for the direction's first run)
   * @param spanHighestStart {@link SequenceSpan#highestStart}
   * @param spanHighestEnd {@link SequenceSpan#highestEnd}
   */
  public Start next(long firstSeq, boolean firstIsSyn, long spanHighestStart, long spanHighestEnd) {
    if (baseSeq < 0) {
      baseSeq = firstIsSyn ? SeqNum.add(firstSeq, 1) : firstSeq;
    }
    Start start = new Start(baseSeq, highestStart, highestEnd);
    long first = new SequenceUnwrapper(baseSeq, highestStart).unwrap(firstSeq);
    highestStart = Math.max(highestStart, first + spanHighestStart);
    if (spanHighestEnd != SequenceSpan.NO_END) {
      highestEnd = Math.max(highestEnd, first + spanHighestEnd);
    }
    return start;
  }
}
