package dev.ftprecon.packet;

import java.util.Map;
import java.util.TreeMap;

/**
 * Disjoint, merged byte ranges [start, end) of one datagram: which parts arrived. At most one range
 * per fragment, and a datagram has at most 65535 / 8 fragments of data.
 */
final class FragmentRanges {
  /** Receives one sub-range. */
  interface Visitor {
    void visit(int start, int end);
  }

  private final TreeMap<Integer, Integer> ranges = new TreeMap<>();

  boolean isEmpty() {
    return ranges.isEmpty();
  }

  /** End of the furthest range; 0 when empty. */
  int maxEnd() {
    return ranges.isEmpty() ? 0 : ranges.lastEntry().getValue();
  }

  /** End of the range that starts at 0: how many leading bytes arrived without a hole. */
  int prefixEnd() {
    Integer end = ranges.get(0);
    return end == null ? 0 : end;
  }

  /** Whether every byte of [start, end) is in a range. */
  boolean covers(int start, int end) {
    Map.Entry<Integer, Integer> r = ranges.floorEntry(start);
    return r != null && r.getValue() >= end;
  }

  /** Visits the parts of [start, end) that are in a range, in order. */
  void forEachIntersection(int start, int end, Visitor visitor) {
    Map.Entry<Integer, Integer> before = ranges.floorEntry(start);
    if (before != null && before.getValue() > start) {
      visitor.visit(start, Math.min(end, before.getValue()));
    }
    for (Map.Entry<Integer, Integer> r : ranges.subMap(start, false, end, false).entrySet()) {
      visitor.visit(r.getKey(), Math.min(end, r.getValue()));
    }
  }

  /** Visits the parts of [start, end) that are in no range, in order. */
  void forEachGap(int start, int end, Visitor visitor) {
    int cursor = start;
    Map.Entry<Integer, Integer> before = ranges.floorEntry(start);
    if (before != null && before.getValue() > cursor) {
      cursor = before.getValue();
    }
    for (Map.Entry<Integer, Integer> r : ranges.subMap(start, false, end, false).entrySet()) {
      if (r.getKey() > cursor) {
        visitor.visit(cursor, r.getKey());
      }
      cursor = Math.max(cursor, r.getValue());
    }
    if (cursor < end) {
      visitor.visit(cursor, end);
    }
  }

  /** Whether some byte of [start, end) is in a range. */
  boolean intersects(int start, int end) {
    Map.Entry<Integer, Integer> before = ranges.floorEntry(start);
    if (before != null && before.getValue() > start) {
      return true;
    }
    Integer next = ranges.higherKey(start);
    return next != null && next < end;
  }

  void add(int start, int end) {
    if (end <= start) {
      return;
    }
    int s = start;
    int e = end;
    Map.Entry<Integer, Integer> before = ranges.floorEntry(s);
    if (before != null && before.getValue() >= s) {
      s = before.getKey();
      e = Math.max(e, before.getValue());
    }
    Map.Entry<Integer, Integer> next = ranges.ceilingEntry(s);
    while (next != null && next.getKey() <= e) {
      e = Math.max(e, next.getValue());
      ranges.remove(next.getKey());
      next = ranges.ceilingEntry(s);
    }
    ranges.put(s, e);
  }
}
