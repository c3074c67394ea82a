package dev.ftprecon.ftp;

import java.util.Optional;

/**
 * Assembles server lines into replies (RFC 959 §4.2). A multi-line reply starts with {@code NNN-}
 * and ends at the first line that starts with the same code followed by a space; the lines between
 * may be anything, including other codes, and do not end it. Bounded: at most {@code maxReplyLines}
 * lines of one reply are kept.
 */
final class ReplyAssembler {

  private final int maxReplyLines;
  private final AnomalyCounter anomalies;

  /** Code of the multi-line reply being assembled, 0 when none is open. */
  private int openCode;

  private String openPrefix = "";
  private final StringBuilder text = new StringBuilder();
  private int lines;
  private boolean overflowed;

  ReplyAssembler(int maxReplyLines, AnomalyCounter anomalies) {
    this.maxReplyLines = maxReplyLines;
    this.anomalies = anomalies;
  }

  /** Takes one line; answers the reply it completes, if any. */
  Optional<FtpReply> accept(String line) {
    if (openCode != 0) {
      return continueMultiline(line);
    }
    int code = leadingCode(line);
    if (code == 0) {
      // Outside a multi-line reply every line must start with a code; keep the text anyway.
      anomalies.add(Anomalies.REPLY_WITHOUT_CODE);
      return Optional.of(new FtpReply(0, line, false));
    }
    if (line.length() == 3) {
      return Optional.of(new FtpReply(code, "", false));
    }
    char separator = line.charAt(3);
    if (separator == ' ') {
      return Optional.of(new FtpReply(code, line.substring(4), false));
    }
    if (separator == '-') {
      open(code, line);
      return Optional.empty();
    }
    if (isDigit(separator)) {
      anomalies.add(Anomalies.REPLY_WITHOUT_CODE);
      return Optional.of(new FtpReply(0, line, false));
    }
    // "220Welcome": real servers omit the space (Zeek's ftp-missing-space-after-reply-code trace).
    anomalies.add(Anomalies.REPLY_CODE_WITHOUT_SPACE);
    return Optional.of(new FtpReply(code, line.substring(3), false));
  }

  /** Whether a multi-line reply has started and not yet ended. */
  boolean isOpen() {
    return openCode != 0;
  }

  /**
   * Gives up on an open multi-line reply (at end of stream, or after a hole that probably held its
   * last line) and answers what was assembled.
   */
  Optional<FtpReply> flush() {
    if (openCode == 0) {
      return Optional.empty();
    }
    anomalies.add(Anomalies.UNFINISHED_REPLY);
    return Optional.of(close(null));
  }

  private void open(int code, String firstLine) {
    openCode = code;
    openPrefix = firstLine.substring(0, 3);
    text.setLength(0);
    text.append(firstLine, 4, firstLine.length());
    lines = 1;
    overflowed = false;
  }

  private Optional<FtpReply> continueMultiline(String line) {
    if (line.length() >= 4 && line.startsWith(openPrefix) && line.charAt(3) == ' ') {
      // The last line is kept even over the cap: it usually carries the outcome.
      return Optional.of(close(line.substring(4)));
    }
    // Many servers repeat "NNN-" on every line; that prefix is layout, not text.
    boolean repeatsCode =
        line.length() >= 4 && line.startsWith(openPrefix) && line.charAt(3) == '-';
    append(repeatsCode ? line.substring(4) : line);
    return Optional.empty();
  }

  private void append(String part) {
    if (lines < maxReplyLines) {
      text.append('\n').append(part);
      lines++;
    } else if (!overflowed) {
      overflowed = true;
      anomalies.add(Anomalies.replyTooLong(maxReplyLines));
    }
  }

  /** Ends the open reply; {@code lastLineText} is null when the last line never came. */
  private FtpReply close(String lastLineText) {
    if (lastLineText != null) {
      text.append('\n').append(lastLineText);
    }
    FtpReply reply = new FtpReply(openCode, text.toString(), true);
    openCode = 0;
    text.setLength(0);
    lines = 0;
    return reply;
  }

  /** The reply code at the start of the line, or 0 when there is none (first digit 1-6). */
  private static int leadingCode(String line) {
    if (line.length() < 3 || line.charAt(0) < '1' || line.charAt(0) > '6') {
      return 0;
    }
    if (!isDigit(line.charAt(1)) || !isDigit(line.charAt(2))) {
      return 0;
    }
    return Integer.parseInt(line.substring(0, 3));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
