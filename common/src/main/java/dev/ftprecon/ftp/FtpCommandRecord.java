package dev.ftprecon.ftp;

import java.io.Serializable;
import java.util.Objects;

/**
 * One command and the reply that completed it, or a reply that no command asked for.
 *
 * @param timeNanos when the command was sent; for a reply without command, when it arrived
 * @param command the verb, upper-cased; empty for a reply without command (the greeting, a 421 on
 *     shutdown)
 * @param arg the argument exactly as sent, empty if none
 * @param replyCode the final (2yz-5yz) reply; the preliminary (1yz) one if no final reply came; 0
 *     if no reply came or the server line had no code
 * @param replyText the text of that reply, empty if none
 */
public record FtpCommandRecord(
    long timeNanos, String command, String arg, int replyCode, String replyText)
    implements Serializable {

  public FtpCommandRecord {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(arg, "arg");
    Objects.requireNonNull(replyText, "replyText");
    if (replyCode != 0 && (replyCode < 100 || replyCode > 699)) {
      throw new IllegalArgumentException("reply code must be 0 or 100..699: " + replyCode);
    }
  }
}
