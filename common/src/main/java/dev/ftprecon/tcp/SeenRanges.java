package dev.ftprecon.tcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stream ranges seen so far, fed in capture order, so that each byte's first copy can be told
 * from later ones: the basis of the "first seen wins" policy for overlapping retransmissions.
 * Memory grows with the number of holes, not the stream size, and is capped: past {@code maxRanges}
 * disjoint ranges, {@link #firstSeen} stops splitting and returns whole segments.
 */
public final class SeenRanges {
  private final int maxRanges;
  private final TreeMap<Long, Long> ranges = new TreeMap<>();
  private long highestEnd = Long.MIN_VALUE;
  private boolean capped;

  public SeenRanges(int maxRanges) {
    if (maxRanges < 1) {
      throw new IllegalArgumentException("maxRanges must be positive: " + maxRanges);
    }
    this.maxRanges = maxRanges;
  }

  /**
   * Marks [start, end) as seen and returns the parts of it that were not seen before, in order, as
   * {start, end} pairs. Once capped, returns the whole range (its overlaps are then settled by
   * offset order downstream).
   */
  public List<long[]> firstSeen(long start, long end) {
    if (end <= start) {
      return List.of();
    }
    highestEnd = Math.max(highestEnd, end);
    if (capped) {
      return List.of(new long[] {start, end});
    }
    List<long[]> fresh = new ArrayList<>(2);
    long cursor = start;
    Map.Entry<Long, Long> before = ranges.floorEntry(start);
    if (before != null && before.getValue() > cursor) {
      cursor = before.getValue();
    }
    for (Map.Entry<Long, Long> r : ranges.subMap(start, true, end, false).entrySet()) {
      if (r.getKey() > cursor) {
        fresh.add(new long[] {cursor, r.getKey()});
      }
      cursor = Math.max(cursor, r.getValue());
    }
    if (cursor < end) {
      fresh.add(new long[] {cursor, end});
    }
    add(start, end);
    return fresh;
  }

  /** The end of the furthest byte seen: a keep-alive probe re-sends the byte just before it. */
  public long highestEnd() {
    return highestEnd;
  }

  public boolean capped() {
    return capped;
  }

  private void add(long start, long end) {
    long s = start;
    long e = end;
    Map.Entry<Long, Long> before = ranges.floorEntry(s);
    if (before != null && before.getValue() >= s) {
      s = before.getKey();
      e = Math.max(e, before.getValue());
    }
    Map.Entry<Long, Long> next = ranges.ceilingEntry(s);
    while (next != null && next.getKey() <= e) {
      e = Math.max(e, next.getValue());
      ranges.remove(next.getKey());
      next = ranges.ceilingEntry(s);
    }
    ranges.put(s, e);
    if (ranges.size() > maxRanges) {
      capped = true;
      ranges.clear();
    }
  }
}
