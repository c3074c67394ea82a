package dev.ftprecon.jobs.input;

import dev.ftprecon.jobs.source.CaptureSplit;
import java.io.Serializable;
import java.util.List;

/** One task of a pass over the captures: a packed group of splits, read one after another. */
record ScanTask(List<CaptureSplit> splits) implements Serializable {
  static ScanTask read(List<CaptureSplit> splits) {
    return new ScanTask(List.copyOf(splits));
  }
}
