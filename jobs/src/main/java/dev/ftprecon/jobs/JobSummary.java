package dev.ftprecon.jobs;

/** The account of a run that the launcher prints at the end. */
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

  /** An incremental run that found no capture it had not indexed already. */
  static JobSummary nothingNew(long millis) {
    return new JobSummary(0, 0, 0, 0, 0, 0, 0, 0, millis);
  }

  @Override
  public String toString() {
    return String.join(
        "\n",
        String.format(
            "ftp-reconstruct: %d captures read (%d damaged, %d unreadable)",
            captures, damagedCaptures, unreadableCaptures),
        String.format("ftp-reconstruct: %d sessions in the index", sessions),
        String.format(
            "ftp-reconstruct: %d transfers, %d files, %d bytes written",
            transfers, filesWritten, bytesWritten),
        String.format("ftp-reconstruct: %d transfers not complete", incompleteTransfers),
        String.format("ftp-reconstruct: done in %.1f s", millis / 1000.0));
  }
}
