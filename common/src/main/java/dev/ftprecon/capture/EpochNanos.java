package dev.ftprecon.capture;

/** Saturating conversion of (seconds, nanoseconds) to a single epoch-nanosecond long. */
final class EpochNanos {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final long MAX_SECONDS = Long.MAX_VALUE / NANOS_PER_SECOND;
  private static final long MIN_SECONDS = Long.MIN_VALUE / NANOS_PER_SECOND;

  private EpochNanos() {}

  /**
   * {@code (seconds + offsetSeconds) * 10^9 + nanos}, or Long.MAX_VALUE / Long.MIN_VALUE when the
   * result does not fit (dates after 2262 or before 1677, only produced by damaged timestamps).
   *
   * @param seconds non-negative seconds since the epoch
   * @param offsetSeconds signed correction (pcapng if_tsoffset)
   * @param nanos 0..999_999_999
   */
  static long of(long seconds, long offsetSeconds, long nanos) {
    long total = seconds + offsetSeconds;
    boolean overflowed = ((seconds ^ total) & (offsetSeconds ^ total)) < 0;
    if (overflowed) {
      return offsetSeconds > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
    if (total > MAX_SECONDS) {
      return Long.MAX_VALUE;
    }
    if (total < MIN_SECONDS) {
      return Long.MIN_VALUE;
    }
    long base = total * NANOS_PER_SECOND;
    long result = base + nanos;
    if (((base ^ result) & (nanos ^ result)) < 0) {
      return Long.MAX_VALUE;
    }
    return result;
  }
}
