package dev.ftprecon.jobs.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Spreads transfers over the assembling tasks so that one huge transfer does not hold the small
 * ones back: largest first, each into the least loaded task (Graham's LPT rule). With more tasks
 * than cores, the largest transfers land alone in the lowest task numbers, which Spark starts
 * first, and the rest finish on the other cores meanwhile. A transfer's size is the payload its
 * connection carried, known from the connection facts before any payload is read.
 */
final class TransferBins {
  /** Assembling tasks per core: enough for the small transfers to flow around a huge one. */
  static final int TASKS_PER_CORE = 4;

  private final Map<Integer, Integer> binOf = new HashMap<>();
  private final int bins;

  private TransferBins(int bins) {
    this.bins = bins;
  }

  /** {@code sizes}: transfer number to bytes; {@code cores}: Spark's default parallelism. */
  static TransferBins pack(Map<Integer, Long> sizes, int cores) {
    int bins = Math.max(1, Math.min(sizes.size(), Math.max(1, cores) * TASKS_PER_CORE));
    TransferBins packed = new TransferBins(bins);
    List<Map.Entry<Integer, Long>> largestFirst = new ArrayList<>(sizes.entrySet());
    largestFirst.sort(
        Map.Entry.<Integer, Long>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    // {load, bin}: the least loaded bin, the lowest number among equals.
    PriorityQueue<long[]> load =
        new PriorityQueue<>(
            Comparator.<long[]>comparingLong(b -> b[0]).thenComparingLong(b -> b[1]));
    for (int b = 0; b < bins; b++) {
      load.add(new long[] {0, b});
    }
    for (Map.Entry<Integer, Long> t : largestFirst) {
      long[] least = load.poll();
      packed.binOf.put(t.getKey(), (int) least[1]);
      least[0] += Math.max(1, t.getValue());
      load.add(least);
    }
    return packed;
  }

  int bins() {
    return bins;
  }

  Map<Integer, Integer> binOf() {
    return binOf;
  }
}
