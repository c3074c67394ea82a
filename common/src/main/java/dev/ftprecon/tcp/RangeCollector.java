package dev.ftprecon.tcp;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects byte ranges in the order they are found, merging a range into the previous one when they
 * touch, and keeping at most a fixed number of them so that memory stays bounded.
 */
final class RangeCollector {

  private final int maxRanges;
  private final List<ByteRange> ranges = new ArrayList<>();
  private boolean capped;

  RangeCollector(int maxRanges) {
    this.maxRanges = maxRanges;
  }

  /** Records [start, end); empty ranges are ignored. */
  void add(long start, long end) {
    if (start == end) {
      return;
    }
    int last = ranges.size() - 1;
    if (last >= 0 && ranges.get(last).end() == start) {
      ranges.set(last, new ByteRange(ranges.get(last).start(), end));
    } else if (ranges.size() < maxRanges) {
      ranges.add(new ByteRange(start, end));
    } else {
      capped = true;
    }
  }

  /** Whether at least one range was dropped because the cap was reached. */
  boolean capped() {
    return capped;
  }

  /** An immutable copy of the ranges kept. */
  List<ByteRange> ranges() {
    return List.copyOf(ranges);
  }
}
