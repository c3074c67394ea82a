package dev.ftprecon.faults;

import java.util.Random;

/** Seeded choices of data segments, spread so that the chosen ones are never adjacent. */
final class SegmentPicker {
  private SegmentPicker() {}

  /**
   * Picks {@code count} segment numbers in {@code [from, to)}: one in each of {@code count} equal
   * bands, away from the band edges, so picks are separated by at least one unpicked segment.
   */
  static int[] spread(Random random, int count, int from, int to) {
    int band = (to - from) / count;
    SourceCapture.require(
        band >= 4, "too few segments to pick " + count + " in [" + from + ", " + to + ")");
    int[] picks = new int[count];
    for (int i = 0; i < count; i++) {
      // inside the band, not on its first or last segment
      picks[i] = from + i * band + 1 + random.nextInt(band - 2);
    }
    return picks;
  }

  /** A seeded random permutation of 0..n-1 (Fisher-Yates) that is not the identity, n >= 2. */
  static int[] shuffled(Random random, int n) {
    int[] order = new int[n];
    while (true) {
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (int i = 0; i < n; i++) {
        if (order[i] != i) {
          return order;
        }
      }
    }
  }
}
