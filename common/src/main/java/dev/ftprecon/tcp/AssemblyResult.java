package dev.ftprecon.tcp;

import java.util.List;

/**
 * What a {@link StreamAssembler} wrote and every irregularity it met. Ranges are positions in the
 * output file (stream offset minus the assembler's start offset).
 *
 * @param length bytes written to the sink, zero-filled gaps included; always {@code dataBytes +
 *     missingBytes}
 * @param dataBytes payload bytes written to the sink
 * @param missingBytes zero bytes written for gaps (holes and a trailing gap)
 * @param gaps the gap ranges in ascending order, at most {@link AssemblyLimits#maxRanges()}
 * @param rangesCapped whether gap or conflict ranges were dropped because of the cap; the byte
 *     counts still include them. When false, the ranges add up to {@code missingBytes} and {@code
 *     conflictBytes}
 * @param duplicateBytes overlapping bytes equal to those already written
 * @param conflictBytes overlapping bytes different from those already written; the first written
 *     ones were kept
 * @param conflicts runs of conflicting bytes, in the order found, touching runs merged, at most
 *     {@link AssemblyLimits#maxRanges()}; a position that conflicts in several retransmissions
 *     appears once per retransmission, as it is counted in {@code conflictBytes}
 * @param uncheckedOverlapBytes overlapping bytes older than the overlap-check window (or written by
 *     {@link StreamAssembler#acceptUncompared}), neither compared nor written
 * @param bytesBeforeStart payload bytes before the start offset, not written
 * @param segments calls to {@link StreamAssembler#accept} and {@link
 *     StreamAssembler#acceptUncompared}, empty segments included
 * @param outOfOrderCalls non-empty segments whose offset is below that of an earlier segment
 * @param lateBytes bytes of out-of-order segments that fell into a gap already zero-filled in the
 *     sink; they could not be written, so the gap remains
 * @param bytesBeyondEnd bytes written past a known end offset given to {@link
 *     StreamAssembler#finish}; they stay in the sink, which is never truncated
 */
public record AssemblyResult(
    long length,
    long dataBytes,
    long missingBytes,
    List<ByteRange> gaps,
    boolean rangesCapped,
    long duplicateBytes,
    long conflictBytes,
    List<ByteRange> conflicts,
    long uncheckedOverlapBytes,
    long bytesBeforeStart,
    long segments,
    long outOfOrderCalls,
    long lateBytes,
    long bytesBeyondEnd) {

  /** Checks counts are non-negative and consistent with each other and with the ranges. */
  public AssemblyResult {
    requireNonNegative("length", length);
    requireNonNegative("dataBytes", dataBytes);
    requireNonNegative("missingBytes", missingBytes);
    requireNonNegative("duplicateBytes", duplicateBytes);
    requireNonNegative("conflictBytes", conflictBytes);
    requireNonNegative("uncheckedOverlapBytes", uncheckedOverlapBytes);
    requireNonNegative("bytesBeforeStart", bytesBeforeStart);
    requireNonNegative("segments", segments);
    requireNonNegative("outOfOrderCalls", outOfOrderCalls);
    requireNonNegative("lateBytes", lateBytes);
    requireNonNegative("bytesBeyondEnd", bytesBeyondEnd);
    if (length != dataBytes + missingBytes) {
      throw new IllegalArgumentException(
          "length "
              + length
              + " is not dataBytes "
              + dataBytes
              + " + missingBytes "
              + missingBytes);
    }
    gaps = List.copyOf(gaps);
    conflicts = List.copyOf(conflicts);
    if (!rangesCapped) {
      requireSum("gaps", gaps, "missingBytes", missingBytes);
      requireSum("conflicts", conflicts, "conflictBytes", conflictBytes);
    }
  }

  private static void requireNonNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " " + value + " is negative, expected >= 0");
    }
  }

  private static void requireSum(String rangesName, List<ByteRange> ranges, String name, long n) {
    long sum = ranges.stream().mapToLong(ByteRange::length).sum();
    if (sum != n) {
      throw new IllegalArgumentException(
          rangesName + " add up to " + sum + " bytes, expected " + name + " " + n);
    }
  }
}
