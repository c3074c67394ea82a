package dev.ftprecon.jobs.input;

import dev.ftprecon.jobs.schema.CaptureSchema;
import dev.ftprecon.jobs.schema.Times;
import dev.ftprecon.jobs.source.SplitSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Combines the split summaries and hashes of each file into its captures row, with the rules that
 * make a split read equal a whole-file read (see {@code SplitCaptureReader}): when a file's reading
 * stopped at offset d, the splits that start at or after d read records the whole-file read never
 * reaches, so they are left out here and their rows are cut by {@link #cuts()}; a split that found
 * its successor out of sync puts its file on {@link #rescan()}.
 */
final class CaptureSummaries {
  private final List<Row> rows = new ArrayList<>();
  private final Map<Integer, Long> cuts = new TreeMap<>();
  private final TreeSet<Integer> rescan = new TreeSet<>();

  /**
   * @param rescanSplitFiles the test hook: treat every file read in more than one split as if a
   *     split had reported its successor out of sync
   */
  CaptureSummaries(
      List<CaptureFile> files,
      List<SplitSummary> splits,
      List<FileHash> hashes,
      boolean rescanSplitFiles) {
    Map<Integer, List<SplitSummary>> byFile = new HashMap<>();
    for (SplitSummary s : splits) {
      byFile.computeIfAbsent(s.fileId(), id -> new ArrayList<>()).add(s);
    }
    Map<Integer, FileHash> hashOf = new HashMap<>();
    hashes.forEach(h -> hashOf.put(h.fileId(), h));
    for (CaptureFile file : files) {
      List<SplitSummary> own = byFile.getOrDefault(file.id(), List.of());
      own.sort(Comparator.comparingLong(SplitSummary::splitStart));
      rows.add(combine(file, own, hashOf.get(file.id()), rescanSplitFiles));
    }
  }

  private Row combine(
      CaptureFile file, List<SplitSummary> splits, FileHash hash, boolean rescanSplitFiles) {
    SplitSummary stoppedFirst =
        splits.stream()
            .filter(SplitSummary::stopped)
            .min(
                Comparator.comparingLong(SplitSummary::stopOffset)
                    .thenComparingLong(SplitSummary::splitStart))
            .orElse(null);
    long stop = stoppedFirst == null ? Long.MAX_VALUE : stoppedFirst.stopOffset();
    List<SplitSummary> kept = splits.stream().filter(s -> s.splitStart() < stop).toList();
    if (stoppedFirst != null) {
      cuts.put(file.id(), stop);
    }
    if (kept.stream().anyMatch(SplitSummary::successorOutOfSync)
        || (rescanSplitFiles && splits.size() > 1)) {
      rescan.add(file.id());
    }

    String format = null;
    TreeSet<Integer> linkTypes = new TreeSet<>();
    long packets = 0;
    long tcpSegments = 0;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (SplitSummary s : kept) {
      format = format == null ? s.format() : format;
      for (int t : s.linkTypes()) {
        linkTypes.add(t);
      }
      packets += s.packets();
      tcpSegments += s.tcpSegments();
      first = Math.min(first, s.firstNanos());
      last = Math.max(last, s.lastNanos());
    }
    String status = CaptureSchema.STATUS_OK;
    String error = null;
    Long errorOffset = null;
    if (stoppedFirst != null) {
      status = stoppedFirst.status();
      error = stoppedFirst.error();
      errorOffset = stoppedFirst.errorOffset();
    }
    if (splits.isEmpty()) {
      status = CaptureSchema.STATUS_DAMAGED;
      error = "no split of this file was read";
    }
    if (hash != null && hash.sha256() == null && error == null) {
      status = CaptureSchema.STATUS_DAMAGED;
      error = hash.error();
    }
    return RowFactory.create(
        file.path(),
        format,
        linkTypes.stream().mapToInt(Integer::intValue).toArray(),
        packets,
        tcpSegments,
        file.length(),
        packets == 0 ? null : Times.timestamp(first),
        packets == 0 ? null : Times.timestamp(last),
        hash == null ? null : hash.sha256(),
        status,
        error,
        errorOffset);
  }

  /** One captures row per file, in file order ({@link CaptureSchema}). */
  List<Row> rows() {
    return rows;
  }

  /** Per file that stopped early: the record offset from which its segment rows are dropped. */
  Map<Integer, Long> cuts() {
    return cuts;
  }

  /** Files whose splits cannot be trusted and must be read again as one split. */
  TreeSet<Integer> rescan() {
    return rescan;
  }
}
