package dev.ftprecon.tcp;

/**
 * A half-open range [start, end) of byte positions in a reassembled file, e.g. a gap or a run of
 * conflicting bytes. Positions count from the first byte of the file, so they are never negative.
 */
public record ByteRange(long start, long end) {

  /** Rejects negative positions and ranges that run backwards; empty ranges are allowed. */
  public ByteRange {
    if (start < 0) {
      throw new IllegalArgumentException("range start " + start + " is negative, expected >= 0");
    }
    if (end < start) {
      throw new IllegalArgumentException("range end " + end + " before start " + start);
    }
  }

  /** Number of bytes in the range. */
  public long length() {
    return end - start;
  }

  @Override
  public String toString() {
    return "[" + start + ", " + end + ")";
  }
}
