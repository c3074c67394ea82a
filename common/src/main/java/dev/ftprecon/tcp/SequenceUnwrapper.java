package dev.ftprecon.tcp;

/**
 * Turns the 32-bit sequence numbers of one direction of a TCP connection into 64-bit stream
 * offsets, so that streams longer than 4 GiB (where sequence numbers wrap, RFC 793 §3.3) can be
 * sorted and reassembled with ordinary arithmetic.
 *
 * <p>Offsets are relative to a base sequence number: the base maps to offset 0. Use ISN+1 from the
 * SYN as base when the SYN was captured (the SYN itself occupies the ISN, RFC 793 §3.3), so that
 * offset 0 is the first payload byte; otherwise use the sequence number of the first captured data
 * segment. With a mid-stream base, retransmissions of earlier bytes map to negative offsets.
 *
 * <p>Each sequence number is mapped to the offset congruent to it modulo 2^32 that is closest to
 * the highest offset returned so far (0 before the first call). Fed in capture-time order, this
 * follows the stream across any number of wraps and tolerates reordering and retransmissions of up
 * to 2^31 - 1 bytes (2 GiB) behind or ahead of the highest point reached, the same window in which
 * RFC 1982 comparison is defined. Memory and time per call are constant.
 *
 * <p>Not thread-safe: one instance per direction of a connection, fed sequentially.
 */
public final class SequenceUnwrapper {

  private final long baseSeq;
  private long highestOffset;

  /**
   * @param baseSeq the sequence number that maps to offset 0: ISN+1 if the SYN was seen, else the
   *     sequence number of the first data segment
   */
  public SequenceUnwrapper(long baseSeq) {
    SeqNum.requireSequenceNumber(baseSeq, "baseSeq");
    this.baseSeq = baseSeq;
  }

  /**
   * Resumes where another unwrapper with the same base left off: {@code highestOffset} is the
   * highest offset it returned (see {@link SpanChain}).
   */
  public SequenceUnwrapper(long baseSeq, long highestOffset) {
    this(baseSeq);
    this.highestOffset = highestOffset;
  }

  /**
   * Maps a sequence number to its stream offset, relative to the base.
   *
   * @param seq32 a 32-bit sequence number, in [0, 2^32)
   * @return the offset congruent to {@code seq32 - base} modulo 2^32 that is within [-2^31, 2^31)
   *     of the highest offset returned so far; negative for bytes before the base
   */
  public long unwrap(long seq32) {
    long highestSeq = SeqNum.add(baseSeq, highestOffset);
    long offset = highestOffset + SeqNum.distance(highestSeq, seq32);
    if (offset > highestOffset) {
      highestOffset = offset;
    }
    return offset;
  }

  /** The base sequence number, which maps to offset 0. */
  public long baseSeq() {
    return baseSeq;
  }

  /** The highest offset returned so far, or 0 before the first call. */
  public long highestOffset() {
    return highestOffset;
  }
}
