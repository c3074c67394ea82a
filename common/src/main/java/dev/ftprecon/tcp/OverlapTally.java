package dev.ftprecon.tcp;

/**
 * Compares bytes of a segment that overlap already written positions with what was written there,
 * and counts the outcome: duplicates, conflicts (with their ranges), bytes falling into zero-filled
 * gaps, and bytes too old to compare or written without being kept.
 */
final class OverlapTally {

  private final RecentBytes recent;
  private final RangeCollector conflicts;
  private long duplicateBytes;
  private long conflictBytes;
  private long lateBytes;
  private long uncheckedBytes;

  OverlapTally(RecentBytes recent, int maxRanges) {
    this.recent = recent;
    this.conflicts = new RangeCollector(maxRanges);
  }

  /**
   * Tallies {@code buf[off, off + count)}, which belongs at positions [position, position + count),
   * all before {@code recent.end()}.
   */
  void compare(long position, byte[] buf, int off, int count) {
    long end = position + count;
    long checkedFrom = Math.min(end, Math.max(position, recent.oldestKept()));
    uncheckedBytes += checkedFrom - position;
    long conflictRunStart = -1;
    for (long p = checkedFrom; p < end; p++) {
      boolean conflicting = false;
      if (recent.isUnkept(p)) {
        uncheckedBytes++;
      } else if (recent.isFill(p)) {
        lateBytes++;
      } else if (recent.byteAt(p) == buf[off + (int) (p - position)]) {
        duplicateBytes++;
      } else {
        conflictBytes++;
        conflicting = true;
      }
      if (conflicting && conflictRunStart < 0) {
        conflictRunStart = p;
      } else if (!conflicting && conflictRunStart >= 0) {
        conflicts.add(conflictRunStart, p);
        conflictRunStart = -1;
      }
    }
    if (conflictRunStart >= 0) {
      conflicts.add(conflictRunStart, end);
    }
  }

  /** Counts bytes that could not be compared at all. */
  void unchecked(long count) {
    uncheckedBytes += count;
  }

  long duplicateBytes() {
    return duplicateBytes;
  }

  long conflictBytes() {
    return conflictBytes;
  }

  RangeCollector conflicts() {
    return conflicts;
  }

  long lateBytes() {
    return lateBytes;
  }

  long uncheckedBytes() {
    return uncheckedBytes;
  }
}
