package dev.ftprecon.ftp;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The server-side working directory, as far as the control connection reveals it, and lexical path
 * resolution against it. Until a PWD reply or an absolute CWD tells otherwise the directory is
 * assumed to be "/": the login directory is server configuration we cannot see.
 */
final class WorkingDirectory {

  private String current = "/";

  String current() {
    return current;
  }

  /** After CWD/XCWD was accepted (RFC 959 §4.1.1). */
  void change(String arg) {
    current = resolve(current, arg);
  }

  /** After CDUP/XCUP was accepted. */
  void up() {
    current = resolve(current, "..");
  }

  /** After REIN: the next login starts in a directory we do not know. */
  void reset() {
    current = "/";
  }

  /** From a 257 reply to PWD: the server's own word. */
  void set(String reported) {
    current = normalize(reported.startsWith("/") ? reported : "/" + reported);
  }

  String resolve(String arg) {
    return resolve(current, arg);
  }

  /**
   * Absolute if {@code arg} starts with '/', else relative to {@code directory}; "." and ".." are
   * applied and ".." never climbs above "/".
   */
  static String resolve(String directory, String arg) {
    return normalize(arg.startsWith("/") ? arg : directory + "/" + arg);
  }

  static String normalize(String path) {
    Deque<String> parts = new ArrayDeque<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        parts.pollLast();
      } else {
        parts.addLast(part);
      }
    }
    return "/" + String.join("/", parts);
  }
}
