package dev.ftprecon.jobs.input;

import dev.ftprecon.jobs.source.CaptureSplit;
import java.io.Serializable;
import java.util.List;

/**
 * One task of the scan: either a packed group of splits to read into segment rows, or a group of
 * whole files to hash. One scan runs both kinds side by side.
 */
record ScanTask(List<CaptureSplit> splits, List<CaptureFile> hashes) implements Serializable {
  static ScanTask read(List<CaptureSplit> splits) {
    return new ScanTask(List.copyOf(splits), List.of());
  }

  static ScanTask hash(List<CaptureFile> files) {
    return new ScanTask(List.of(), List.copyOf(files));
  }
}
