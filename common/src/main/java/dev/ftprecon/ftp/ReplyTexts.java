package dev.ftprecon.ftp;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Facts servers put in reply text. Total: anything unreadable is empty. */
final class ReplyTexts {

  /** vsftpd, ProFTPD, wu-ftpd: "150 Opening BINARY mode data connection for f (1234 bytes)." */
  private static final Pattern BYTE_COUNT = Pattern.compile("\\((\\d{1,18}) bytes\\)");

  /** RFC 1123 §4.1.2.9: STOU's preliminary reply is "150 FILE: name". */
  private static final String STOU_FILE = "FILE:";

  /** wu-ftpd and others name the file in the final reply: "(unique file name:name)". */
  private static final String UNIQUE_FILE_NAME = "unique file name:";

  private static final int MAX_DECIMAL_DIGITS = 18;

  private ReplyTexts() {}

  /**
   * The directory of a 257 reply (RFC 959 Appendix II): {@code "/some/dir" is current directory},
   * quotes inside the name doubled.
   */
  static Optional<String> quotedPath(String text) {
    int open = text.indexOf('"');
    if (open < 0) {
      return Optional.empty();
    }
    StringBuilder path = new StringBuilder();
    for (int i = open + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '"') {
        path.append(c);
      } else if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
        path.append('"');
        i++;
      } else {
        return Optional.of(path.toString());
      }
    }
    return Optional.empty();
  }

  /** The file size some servers put in the 150 reply to RETR. */
  static OptionalLong byteCountHint(String text) {
    Matcher m = BYTE_COUNT.matcher(text);
    return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
  }

  /**
   * The name STOU stored the file under, from its 150 or final reply. Read by scanning, not by a
   * regular expression: the server writes this text, and a pattern such as {@code unique file
   * name:\s*([^)]+?)\s*\)} backtracks cubically on a long run of spaces without ')'
   * (StouReplyBacktrackingFindingTest).
   */
  static Optional<String> uniqueFileName(String text) {
    if (text.regionMatches(true, 0, STOU_FILE, 0, STOU_FILE.length())) {
      String name = text.substring(STOU_FILE.length()).strip();
      if (!name.isEmpty() && !hasLineEnd(name)) {
        return Optional.of(name);
      }
    }
    int last = text.length() - UNIQUE_FILE_NAME.length();
    for (int at = 0; at <= last; at++) {
      if (text.regionMatches(true, at, UNIQUE_FILE_NAME, 0, UNIQUE_FILE_NAME.length())) {
        int start = at + UNIQUE_FILE_NAME.length();
        int close = text.indexOf(')', start);
        if (close < 0) {
          return Optional.empty(); // no later mention can have a ')' either
        }
        String name = text.substring(start, close).strip();
        if (!name.isEmpty()) {
          return Optional.of(name);
        }
        at = close;
      }
    }
    return Optional.empty();
  }

  private static boolean hasLineEnd(String s) {
    return s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
  }

  /** A non-negative decimal such as a 213 SIZE reply or a REST marker; spaces around allowed. */
  static OptionalLong decimal(String text) {
    String s = text.strip();
    if (s.isEmpty() || s.length() > MAX_DECIMAL_DIGITS) {
      return OptionalLong.empty();
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return OptionalLong.empty();
      }
    }
    return OptionalLong.of(Long.parseLong(s));
  }
}
