package dev.ftprecon.jobs.source;

import dev.ftprecon.jobs.input.CaptureFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Plans the tasks of a scan as Spark's file sources do ({@code FilePartition}, {@code
 * PartitionedFileUtil.splitFiles}): every uncompressed file is cut into ranges of {@link
 * SplitSettings#maxSplitBytes} bytes, compressed files stay whole, and the pieces, largest first,
 * are packed "next fit decreasing" into tasks of at most that many bytes, each piece also costing
 * {@code openCostInBytes}. Many small captures thus share one task and a large one spreads over
 * many.
 */
public final class SplitPlanner {
  private final SplitSettings settings;

  public SplitPlanner(SplitSettings settings) {
    this.settings = settings;
  }

  /** Whether a file is read through a compression codec (and so is never split). */
  @FunctionalInterface
  public interface Compression {
    boolean isCompressed(CaptureFile file);
  }

  /** The split size for these files: see {@link SplitSettings#maxSplitBytes}. */
  public long maxSplitBytes(List<CaptureFile> files) {
    long total = 0;
    for (CaptureFile f : files) {
      total += f.length() + settings.openCostInBytes();
    }
    return settings.maxSplitBytes(total);
  }

  /** The files' splits packed into tasks: one inner list per task. */
  public List<List<CaptureSplit>> plan(List<CaptureFile> files, Compression compression) {
    long maxSplitBytes = maxSplitBytes(files);
    List<CaptureSplit> splits = new ArrayList<>();
    for (CaptureFile f : files) {
      splits.addAll(split(f, compression.isCompressed(f), maxSplitBytes));
    }
    return packWithLimit(splits, CaptureSplit::length, maxSplitBytes);
  }

  /** Whole files packed into tasks by the same rule, for work that must see a file at once. */
  public List<List<CaptureFile>> packWhole(List<CaptureFile> files) {
    return packWithLimit(new ArrayList<>(files), CaptureFile::length, maxSplitBytes(files));
  }

  /** Ranges of {@code maxSplitBytes}, the last one shorter; one range for compressed files. */
  static List<CaptureSplit> split(CaptureFile f, boolean compressed, long maxSplitBytes) {
    if (compressed || f.length() <= maxSplitBytes) {
      return List.of(CaptureSplit.whole(f.id(), f.path(), f.length(), compressed));
    }
    List<CaptureSplit> splits = new ArrayList<>();
    for (long start = 0; start < f.length(); start += maxSplitBytes) {
      long end = Math.min(f.length(), start + maxSplitBytes);
      splits.add(new CaptureSplit(f.id(), f.path(), start, end, f.length(), false));
    }
    return splits;
  }

  /**
   * Spark's packing, then its {@code spark.sql.files.maxPartitionNum} rule: when the packing makes
   * more tasks than that, pack again with the task size that gives that many.
   */
  private <T> List<List<T>> packWithLimit(
      List<T> items, ToLongFunction<T> length, long maxSplitBytes) {
    items.sort(Comparator.comparingLong(length).reversed());
    List<List<T>> tasks = pack(items, length, maxSplitBytes, settings.openCostInBytes());
    int maxTasks = settings.maxPartitionNum();
    if (maxTasks > 0 && tasks.size() > maxTasks) {
      long total = 0;
      for (T item : items) {
        total += length.applyAsLong(item) + settings.openCostInBytes();
      }
      long desired = Math.max(1, (total + maxTasks - 1) / maxTasks);
      tasks = pack(items, length, desired, settings.openCostInBytes());
    }
    return tasks;
  }

  /** Next fit decreasing over items already sorted by length, largest first. */
  static <T> List<List<T>> pack(
      List<T> sorted, ToLongFunction<T> length, long maxBytes, long openCost) {
    List<List<T>> tasks = new ArrayList<>();
    List<T> current = new ArrayList<>();
    long currentSize = 0;
    for (T item : sorted) {
      long size = length.applyAsLong(item);
      if (currentSize + size > maxBytes && !current.isEmpty()) {
        tasks.add(current);
        current = new ArrayList<>();
        currentSize = 0;
      }
      currentSize += size + openCost;
      current.add(item);
    }
    if (!current.isEmpty()) {
      tasks.add(current);
    }
    return tasks;
  }
}
