package dev.ftprecon.ftp;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One command line from the client.
 *
 * @param verb the command code, upper-cased: RFC 959 §5.3.1 makes command codes 3 or 4 alphabetic
 *     characters, case-insensitive
 * @param arg everything after the first space exactly as sent (spaces included), or empty
 */
public record FtpCommand(String verb, String arg) implements Serializable {

  public FtpCommand {
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(arg, "arg");
    if (!isVerb(verb) || !verb.equals(verb.toUpperCase(Locale.ROOT))) {
      throw new IllegalArgumentException("not an upper-case 3-4 letter command code: " + verb);
    }
  }

  /**
   * Reads a command line (without its line end). Leading spaces are skipped, as Zeek does. A line
   * whose first word is not 3-4 ASCII letters is not a command: empty, for the caller to count.
   */
  public static Optional<FtpCommand> parse(String line) {
    if (line == null) {
      return Optional.empty();
    }
    int start = 0;
    while (start < line.length() && line.charAt(start) == ' ') {
      start++;
    }
    int space = line.indexOf(' ', start);
    String verb = space < 0 ? line.substring(start) : line.substring(start, space);
    if (!isVerb(verb)) {
      return Optional.empty();
    }
    String arg = space < 0 ? "" : line.substring(space + 1);
    return Optional.of(new FtpCommand(verb.toUpperCase(Locale.ROOT), arg));
  }

  private static boolean isVerb(String word) {
    if (word.length() < 3 || word.length() > 4) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
        return false;
      }
    }
    return true;
  }
}
