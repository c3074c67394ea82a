package dev.ftprecon.tcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stream ranges seen so far, fed in capture order, so that each byte's first copy can be told
 * from later ones: the "first seen wins" policy for overlapping retransmissions stated in capture
 * order, kept as the reference model that {@link FirstCopySweep} (which decides in offset order) is
 * checked against. Memory grows with the number of holes, not the stream size, and is capped: past
 * {@code maxRanges} disjoint ranges, {@link #firstSeen} stops splitting and returns whole segments.
 */
public final class SeenRanges {
  private final int maxRanges;
  private final TreeMap<Long, Long> ranges = new TreeMap<>();
  // The range with the greatest start, kept out of the map while segments come in order: each one
  // then only moves its end (see wholeIsFirst).
  private boolean hasTail;
  private long tailStart;
  private long tailEnd;
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
    flushTail();
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

  /**
   * If no byte of [start, end) was seen before because it begins at or past the furthest byte seen
   * (a stream captured in order: nearly every segment), marks it seen and returns true, in constant
   * time and without allocating; {@link #firstSeen} would have returned the whole range. Otherwise
   * changes nothing and returns false. Once capped, like {@link #firstSeen}, every range counts as
   * first seen.
   */
  public boolean wholeIsFirst(long start, long end) {
    if (end <= start) {
      return false;
    }
    if (capped) {
      highestEnd = Math.max(highestEnd, end);
      return true;
    }
    if (start < highestEnd) {
      return false;
    }
    highestEnd = end;
    if (hasTail && start == tailEnd) {
      tailEnd = end;
      return true;
    }
    flushTail();
    Map.Entry<Long, Long> last = ranges.lastEntry();
    if (last != null && last.getValue() == start) {
      ranges.remove(last.getKey());
      tailStart = last.getKey();
    } else {
      tailStart = start;
    }
    tailEnd = end;
    hasTail = true;
    if (ranges.size() + 1 > maxRanges) {
      capped = true;
      ranges.clear();
      hasTail = false;
    }
    return true;
  }

  private void flushTail() {
    if (hasTail) {
      ranges.put(tailStart, tailEnd);
      hasTail = false;
    }
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
