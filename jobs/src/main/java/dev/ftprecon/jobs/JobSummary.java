package dev.ftprecon.jobs;

/** The one-line account of a run that the launcher prints at the end. */
public record JobSummary(
    int captures,
    int damagedCaptures,
    int unreadableCaptures,
    long sessions,
    int transfers,
    int filesWritten,
    long bytesWritten,
    int incompleteTransfers,
    long millis) {
  @Override
  public String toString() {
    return String.format(
        "ftp-reconstruct: %d captures (%d damaged, %d unreadable), %d sessions, %d transfers,"
            + " %d files, %d bytes written, %d not complete, %.1f s",
        captures,
        damagedCaptures,
        unreadableCaptures,
        sessions,
        transfers,
        filesWritten,
        bytesWritten,
        incompleteTransfers,
        millis / 1000.0);
  }
}
