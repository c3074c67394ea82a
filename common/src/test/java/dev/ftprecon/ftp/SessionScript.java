package dev.ftprecon.ftp;

import java.nio.charset.StandardCharsets;

/** Drives a tracker with scripted control-connection traffic; times are given in seconds. */
final class SessionScript {

  static final String CLIENT_IP = "10.0.0.1";
  static final int CLIENT_PORT = 40000;
  static final String SERVER_IP = "10.0.0.2";
  static final int SERVER_PORT = 21;

  private final FtpSessionTracker tracker;

  SessionScript(FtpSessionTracker tracker) {
    this.tracker = tracker;
  }

  SessionScript() {
    this(FtpLimits.DEFAULTS);
  }

  SessionScript(FtpLimits limits) {
    this(new FtpSessionTracker(CLIENT_IP, CLIENT_PORT, SERVER_IP, SERVER_PORT, limits));
  }

  static long sec(double seconds) {
    return Math.round(seconds * 1_000_000_000L);
  }

  /** Sends each line with CRLF, all in one packet. */
  SessionScript client(double seconds, String... lines) {
    byte[] bytes = crlf(lines);
    tracker.clientData(sec(seconds), bytes, 0, bytes.length);
    return this;
  }

  SessionScript server(double seconds, String... lines) {
    byte[] bytes = crlf(lines);
    tracker.serverData(sec(seconds), bytes, 0, bytes.length);
    return this;
  }

  SessionScript clientBytes(double seconds, byte[] bytes) {
    tracker.clientData(sec(seconds), bytes, 0, bytes.length);
    return this;
  }

  SessionScript serverBytes(double seconds, byte[] bytes) {
    tracker.serverData(sec(seconds), bytes, 0, bytes.length);
    return this;
  }

  /** The usual opening: greeting, anonymous login, binary type. */
  SessionScript anonymousLogin(double seconds) {
    return server(seconds, "220 (vsFTPd 3.0.3)")
        .client(seconds + 0.1, "USER anonymous")
        .server(seconds + 0.2, "331 Please specify the password.")
        .client(seconds + 0.3, "PASS guest@example.com")
        .server(seconds + 0.4, "230 Login successful.")
        .client(seconds + 0.5, "TYPE I")
        .server(seconds + 0.6, "200 Switching to Binary mode.");
  }

  FtpSessionTracker tracker() {
    return tracker;
  }

  FtpSessionSummary finish(double seconds) {
    return tracker.finish(sec(seconds));
  }

  private static byte[] crlf(String... lines) {
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      text.append(line).append("\r\n");
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }
}
