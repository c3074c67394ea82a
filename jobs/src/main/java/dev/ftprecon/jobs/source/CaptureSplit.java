package dev.ftprecon.jobs.source;

import java.io.Serializable;

/**
 * One task's share of a capture file: the records that start in {@code [start, end)}. A compressed
 * file is never split: its one split covers the whole file and is read through its codec.
 *
 * @param fileId the file's id in this run (index in the sorted input list)
 * @param path fully qualified Hadoop path
 * @param start first byte of the range
 * @param end end of the range, exclusive
 * @param fileLength length of the whole file as listed
 * @param compressed whether the file is read through a Hadoop compression codec
 */
public record CaptureSplit(
    int fileId, String path, long start, long end, long fileLength, boolean compressed)
    implements Serializable {
  public CaptureSplit {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException(
          "split [" + start + ", " + end + ") of " + path + " (expected: 0 <= start <= end)");
    }
    if (compressed && start != 0) {
      throw new IllegalArgumentException(
          "compressed " + path + " split at " + start + " (expected: read whole)");
    }
  }

  /** The split covering a whole file. */
  public static CaptureSplit whole(int fileId, String path, long length, boolean compressed) {
    return new CaptureSplit(fileId, path, 0, length, length, compressed);
  }

  public long length() {
    return end - start;
  }

  /** Whether this split covers the whole file, so no other split of it exists. */
  public boolean isWhole() {
    return compressed || (start == 0 && end >= fileLength);
  }
}
