package dev.ftprecon.capture;

/**
 * How a split reader finds the first record boundary of its byte range (see {@link
 * CaptureReaders#openSplit(CaptureFileOpener, long, long, SplitOptions)}). Exactness never depends
 * on these values: a split that started at a wrong boundary is always caught by its predecessor
 * ({@link SplitCaptureReader#successorOutOfSync()}). They decide how rarely that happens and what
 * it costs.
 *
 * @param chainLength K, how many consecutive plausible records (pcap) or blocks (pcapng) a
 *     candidate boundary needs before it is believed
 * @param lookbackBytes how far before the split start the search for a boundary begins; at least
 *     the largest record, so that a false chain starting inside a record's payload must cross a
 *     true boundary before the start, where it dies or merges with the true chain
 * @param timestampToleranceNanos how far apart the timestamps of two consecutive records of a
 *     candidate chain may be
 * @param scanLimitBytes how far past the split start the search goes before giving up (the split
 *     then delivers nothing and asks for its file to be read whole)
 */
public record SplitOptions(
    int chainLength, long lookbackBytes, long timestampToleranceNanos, long scanLimitBytes) {

  /**
   * K = 8: a chain of random bytes survives the per-record checks (length bounds, timestamp
   * fraction, timestamps within a day of each other, lengths of pcapng blocks repeated at their
   * end) with a probability far below 2^-20 per record, and a chain made of real records inside a
   * payload (a capture file sent over FTP) must fit 8 inner records into one outer packet of at
   * most 1460 bytes to pass without crossing an outer record boundary, and then dies at the first
   * such crossing on its way to the split start (lookback). Larger K costs reading K records past
   * the start twice per split.
   */
  public static final int DEFAULT_CHAIN_LENGTH = 8;

  /**
   * The largest record a chain accepts: a pcapng Enhanced Packet Block carrying libpcap's largest
   * packet (262144 bytes, tcpdump's MAXIMUM_SNAPLEN) with 32 bytes of framing and up to 992 bytes
   * of options; a pcap record (16 + 262144 bytes) is smaller.
   */
  public static final int MAX_CHAIN_RECORD_BYTES = 262_144 + 1_024;

  /** Two of the largest records: any false chain crosses at least one true boundary. */
  public static final long DEFAULT_LOOKBACK_BYTES = 2L * MAX_CHAIN_RECORD_BYTES;

  /**
   * One day: consecutive packets of a capture are rarely further apart, and random seconds fields
   * land within a day of each other with probability 2 * 86400 / 2^32 = 4e-5. A true record after a
   * longer gap only moves the chain start to the next record.
   */
  public static final long DEFAULT_TIMESTAMP_TOLERANCE_NANOS = 86_400L * 1_000_000_000L;

  /** 8 MiB: 32 of the largest records without a believable chain is a damaged region. */
  public static final long DEFAULT_SCAN_LIMIT_BYTES = 8L * 1024 * 1024;

  private static final SplitOptions DEFAULTS =
      new SplitOptions(
          DEFAULT_CHAIN_LENGTH,
          DEFAULT_LOOKBACK_BYTES,
          DEFAULT_TIMESTAMP_TOLERANCE_NANOS,
          DEFAULT_SCAN_LIMIT_BYTES);

  public SplitOptions {
    if (chainLength < 1 || chainLength > 1024) {
      throw new IllegalArgumentException("chainLength " + chainLength + " (expected: 1..1024)");
    }
    if (lookbackBytes < 0 || lookbackBytes > 64L * 1024 * 1024) {
      throw new IllegalArgumentException(
          "lookbackBytes " + lookbackBytes + " (expected: 0..67108864)");
    }
    if (timestampToleranceNanos < 0) {
      throw new IllegalArgumentException(
          "timestampToleranceNanos " + timestampToleranceNanos + " (expected: >= 0)");
    }
    if (scanLimitBytes < 1) {
      throw new IllegalArgumentException("scanLimitBytes " + scanLimitBytes + " (expected: >= 1)");
    }
  }

  /** The documented defaults. */
  public static SplitOptions defaults() {
    return DEFAULTS;
  }

  public SplitOptions withChainLength(int k) {
    return new SplitOptions(k, lookbackBytes, timestampToleranceNanos, scanLimitBytes);
  }

  public SplitOptions withLookbackBytes(long bytes) {
    return new SplitOptions(chainLength, bytes, timestampToleranceNanos, scanLimitBytes);
  }

  /** The window a chain check needs: the lookback plus K + 1 of the largest records. */
  int windowBytes() {
    long bytes = lookbackBytes + (long) (chainLength + 1) * MAX_CHAIN_RECORD_BYTES;
    return (int) Math.min(Integer.MAX_VALUE - 16, bytes);
  }
}
