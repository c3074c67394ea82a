package dev.ftprecon.jobs.input;

import dev.ftprecon.jobs.source.CaptureSplit;
import org.apache.spark.TaskContext;

/**
 * Counts a pass's splits in its task's input metrics, as Spark's own file scans do: the capture
 * bytes the split covers (up to where the pass stops reading the file) and the records read. They
 * show in the UI's and the event log's "Input" of each stage, so that what each pass read is seen.
 */
final class SplitInputMetrics {
  private SplitInputMetrics() {}

  /**
   * {@code split} was read up to file offset {@code until} (its end, or an earlier cut), yielding
   * {@code records} records. Outside a task (a function called directly) nothing is counted.
   */
  static void splitRead(CaptureSplit split, long until, long records) {
    TaskContext task = TaskContext.get();
    if (task == null) {
      return;
    }
    long bytes = Math.max(0, Math.min(split.end(), until) - split.start());
    task.taskMetrics().inputMetrics().incBytesRead(bytes);
    task.taskMetrics().inputMetrics().incRecordsRead(records);
  }
}
