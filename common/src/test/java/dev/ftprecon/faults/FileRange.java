package dev.ftprecon.faults;

import java.util.List;

/** A byte range {@code [start, end)} of the transferred file, offsets from its first byte. */
record FileRange(long start, long end) {
  @Override
  public String toString() {
    return "[" + start + ", " + end + ")";
  }

  FileRange {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad range [" + start + ", " + end + ")");
    }
  }

  long length() {
    return end - start;
  }

  static long total(List<FileRange> ranges) {
    return ranges.stream().mapToLong(FileRange::length).sum();
  }
}
