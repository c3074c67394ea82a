package dev.ftprecon.ftp;

import java.io.Serializable;
import java.util.Objects;

/**
 * One complete server reply (RFC 959 §4.2).
 *
 * @param code the three-digit reply code, 100..699 (6yz are RFC 2228's protected replies), or 0 for
 *     a line that carried no code, kept so that no server text is lost
 * @param text the text after the code and its separator; for a multi-line reply the lines joined
 *     with LF, each stripped of a leading {@code NNN-} or {@code NNN } that repeats the code
 * @param multiline whether the reply used the {@code NNN-} form
 */
public record FtpReply(int code, String text, boolean multiline) implements Serializable {

  public FtpReply {
    Objects.requireNonNull(text, "text");
    if (code != 0 && (code < 100 || code > 699)) {
      throw new IllegalArgumentException("reply code must be 0 or 100..699: " + code);
    }
  }

  /** RFC 959 §4.2.1: 1yz, a positive preliminary reply; another reply follows. */
  boolean preliminary() {
    return code >= 100 && code < 200;
  }

  /** 2yz: the command completed successfully. */
  boolean positiveCompletion() {
    return code >= 200 && code < 300;
  }
}
