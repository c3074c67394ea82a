package dev.ftprecon.tcp;

/**
 * Caps that keep a {@link StreamAssembler}'s memory bounded whatever the stream size.
 *
 * @param maxRanges how many ranges each of the gap and conflict lists keeps; beyond it further
 *     ranges are dropped (and {@link AssemblyResult#rangesCapped()} is set) but the byte counts
 *     still include them. In [0, {@link #MAX_RANGES_LIMIT}].
 * @param overlapCheckWindowBytes how many of the most recently written bytes are kept to compare
 *     overlapping retransmissions against; overlap reaching further back is counted as unchecked. 0
 *     disables the comparison. In [0, {@link #MAX_OVERLAP_CHECK_WINDOW_BYTES}].
 */
public record AssemblyLimits(int maxRanges, int overlapCheckWindowBytes) {

  /**
   * Default number of ranges kept per list. A ByteRange costs about 32 bytes, so 10,000 of them per
   * list stay well under 1 MiB per transfer while describing even badly damaged captures.
   */
  public static final int DEFAULT_MAX_RANGES = 10_000;

  /**
   * Default overlap-check window: 1 MiB. Retransmissions overlap data sent at most one send window
   * earlier; 1 MiB covers typical windows (64 KiB without window scaling, RFC 7323, up to a few MiB
   * with it) for all but very high bandwidth-delay paths.
   */
  public static final int DEFAULT_OVERLAP_CHECK_WINDOW_BYTES = 1 << 20;

  /** Upper bound on {@code maxRanges}, so that a mistyped option cannot exhaust memory. */
  public static final int MAX_RANGES_LIMIT = 10_000_000;

  /**
   * Upper bound on {@code overlapCheckWindowBytes}: 256 MiB, a quarter of the largest window RFC
   * 7323 window scaling allows (2^30 bytes); far beyond windows seen in practice, yet small enough
   * to fit in a Spark task's memory.
   */
  public static final int MAX_OVERLAP_CHECK_WINDOW_BYTES = 1 << 28;

  /** 10,000 ranges per list, 1 MiB overlap-check window. */
  public static final AssemblyLimits DEFAULTS =
      new AssemblyLimits(DEFAULT_MAX_RANGES, DEFAULT_OVERLAP_CHECK_WINDOW_BYTES);

  /** Validates both caps against their documented bounds. */
  public AssemblyLimits {
    if (maxRanges < 0 || maxRanges > MAX_RANGES_LIMIT) {
      throw new IllegalArgumentException(
          "maxRanges " + maxRanges + " outside [0, " + MAX_RANGES_LIMIT + "]");
    }
    if (overlapCheckWindowBytes < 0 || overlapCheckWindowBytes > MAX_OVERLAP_CHECK_WINDOW_BYTES) {
      throw new IllegalArgumentException(
          "overlapCheckWindowBytes "
              + overlapCheckWindowBytes
              + " outside [0, "
              + MAX_OVERLAP_CHECK_WINDOW_BYTES
              + "]");
    }
  }
}
