package dev.ftprecon.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ftprecon.tcp.SeenRanges;
import java.util.BitSet;
import java.util.List;

/**
 * {@link SeenRanges#firstSeen} on arbitrary ranges, fed in any order. Contract: before the cap, the
 * returned pieces are exactly the positions of [start, end) not marked before, as ordered,
 * disjoint, maximal runs; once capped it stays capped and returns whole ranges; {@code highestEnd}
 * is the largest end of a non-empty range; empty and reversed ranges return nothing. Extreme
 * coordinates (near Long.MIN_VALUE and Long.MAX_VALUE) are checked for shape only.
 *
 * <p>Input layout: one byte of maxRanges (1..16, or 10,000 for 0xFF), then ranges until the input
 * ends: one byte (bit 0: extreme coordinates, eight bytes each; else two bytes each, minus 256),
 * then start and end.
 */
class SeenRangesFuzzTest {
  private static final int MODEL_OFFSET = 256;

  @FuzzTest(maxDuration = "4s")
  void markRanges(byte[] input) throws Exception {
    Watchdog.run(() -> check(input));
  }

  private void check(byte[] input) {
    FuzzBytes in = new FuzzBytes(input);
    int rangesChoice = in.u8();
    int maxRanges = rangesChoice == 0xFF ? 10_000 : 1 + rangesChoice % 16;
    SeenRanges seen = new SeenRanges(maxRanges);
    BitSet model = new BitSet();
    boolean modelExact = true;
    boolean wasCapped = false;
    long highestEnd = Long.MIN_VALUE;
    while (in.hasMore()) {
      boolean extreme = in.bool();
      long start = extreme ? in.u64() : in.u16() - MODEL_OFFSET;
      long end = extreme ? in.u64() : in.u16() - MODEL_OFFSET;
      List<long[]> pieces = seen.firstSeen(start, end);
      if (end <= start) {
        assertThat(pieces).as("empty range").isEmpty();
        continue;
      }
      highestEnd = Math.max(highestEnd, end);
      assertThat(seen.highestEnd()).isEqualTo(highestEnd);
      long cursor = start;
      for (long[] piece : pieces) {
        assertThat(piece).hasSize(2);
        assertThat(piece[0]).as("pieces ordered and disjoint").isGreaterThanOrEqualTo(cursor);
        assertThat(piece[1]).isGreaterThan(piece[0]).isLessThanOrEqualTo(end);
        if (piece[0] == cursor && cursor != start) {
          throw new AssertionError("pieces touch: not maximal at " + cursor);
        }
        cursor = piece[1];
      }
      if (wasCapped) {
        assertThat(seen.capped()).as("capped stays capped").isTrue();
      }
      if (seen.capped()) {
        if (wasCapped) {
          assertThat(pieces).hasSize(1);
          assertThat(pieces.get(0)).containsExactly(start, end);
        }
        wasCapped = true;
        modelExact = false;
        continue;
      }
      if (extreme) {
        modelExact = false;
      }
      if (modelExact) {
        BitSet fresh = new BitSet();
        int from = (int) start + MODEL_OFFSET;
        int to = (int) end + MODEL_OFFSET;
        fresh.set(from, to);
        fresh.andNot(model);
        BitSet returned = new BitSet();
        for (long[] piece : pieces) {
          returned.set((int) piece[0] + MODEL_OFFSET, (int) piece[1] + MODEL_OFFSET);
        }
        assertThat(returned).as("first-seen parts of [%d, %d)", start, end).isEqualTo(fresh);
        model.set(from, to);
      }
    }
  }
}
