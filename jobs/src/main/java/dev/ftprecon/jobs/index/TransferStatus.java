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

  /**
   * @param reset whether either end of the data connection sent a RST
   */
  static String of(ExpectedDataChannel ch, TransferBytes b, long expectedBytes, boolean reset) {
    boolean replyFailed = ch.replyCode() >= 400;
    if (b == null) {
      return replyFailed ? FAILED : NO_DATA;
    }
    boolean cutShort = reset && !b.finSeen();
    boolean sizeMatches = expectedBytes >= 0 && b.length() == expectedBytes;
    if (b.missingBytes() > 0) {
      return b.truncatedSegments() ? TRUNCATED : cutShort ? ABORTED : INCOMPLETE;
    }
    if (expectedBytes >= 0 && b.length() < expectedBytes) {
      return cutShort || replyFailed ? ABORTED : INCOMPLETE;
    }
    if (replyFailed && b.length() == 0) {
      return FAILED;
    }
    // A reset after every announced byte arrived (servers answering 426 to a client that closed
    // early, as in Wireshark's KasperskyPackets.CAP) leaves a complete file.
    if (cutShort && !sizeMatches) {
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
