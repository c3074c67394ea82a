package dev.ftprecon.jobs.index;

import dev.ftprecon.ftp.ExpectedDataChannel;
import dev.ftprecon.jobs.data.TransferBytes;

/**
 * Decides a transfer's status from what its data connection carried and what its control channel
 * said. Order matters: the most specific explanation of missing bytes wins.
 */
final class TransferStatus {
  static final String COMPLETE = "complete";
  static final String INCOMPLETE = "incomplete";
  static final String TRUNCATED = "truncated";
  static final String FAILED = "failed";
  static final String ABORTED = "aborted";
  static final String NO_DATA = "no_data";

  private TransferStatus() {}

  static String of(ExpectedDataChannel ch, TransferBytes b, long expectedBytes) {
    boolean replyFailed = ch.replyCode() >= 400;
    if (b == null) {
      return replyFailed ? FAILED : NO_DATA;
    }
    if (b.missingBytes() > 0) {
      return b.truncatedSegments() ? TRUNCATED : INCOMPLETE;
    }
    if (expectedBytes >= 0 && b.length() < expectedBytes) {
      return b.rstSeen() ? ABORTED : INCOMPLETE;
    }
    if (replyFailed && b.length() == 0) {
      return FAILED;
    }
    if (b.rstSeen() && replyFailed && expectedBytes < 0) {
      return ABORTED;
    }
    return COMPLETE;
  }

  /**
   * Bytes the data connection should carry, -1 if unknown. A SIZE reply (RFC 3659 §4) gives the
   * whole remote file, so after REST the connection carries the size less the restart offset; the
   * size some servers put in their 150 reply after REST is that remainder already, which the status
   * check also accepts (see {@link #of}).
   */
  static long expectedBytes(ExpectedDataChannel ch) {
    long announced = ch.announcedSize();
    if (announced < 0) {
      return -1;
    }
    return ch.restOffset() > 0 && announced >= ch.restOffset()
        ? announced - ch.restOffset()
        : announced;
  }

  static boolean complete(String status) {
    return COMPLETE.equals(status);
  }
}
