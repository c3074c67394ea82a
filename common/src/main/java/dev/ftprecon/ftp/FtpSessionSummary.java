package dev.ftprecon.ftp;

import java.io.Serializable;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one FTP control connection said.
 *
 * @param banner text of the 220 greeting, null if not seen
 * @param user the last USER argument, null if none
 * @param password the last PASS argument, null if none
 * @param loginSucceeded true if any login succeeded (230, or 232 after RFC 2228 security exchange,
 *     or 202 to PASS); false if logins were answered and all failed (530); null if no login was
 *     answered
 * @param failedLogins number of 530 replies to USER, PASS or ACCT
 * @param tls whether the connection switched to TLS (AUTH answered 234, RFC 4217 §4) or started as
 *     TLS; nothing after that point was parsed
 * @param startNanos time of the first bytes seen, {@code endNanos} if none
 * @param endNanos the end time given to {@link FtpSessionTracker#finish}
 * @param commands commands with their replies, and replies no command asked for, in order
 * @param channels expected data channels, in command order
 * @param anomalies count per anomaly name; sorted by name
 * @param commandsDropped command records not kept because of {@link FtpLimits#maxCommands()}
 */
public record FtpSessionSummary(
    String banner,
    String user,
    String password,
    Boolean loginSucceeded,
    int failedLogins,
    boolean tls,
    long startNanos,
    long endNanos,
    List<FtpCommandRecord> commands,
    List<ExpectedDataChannel> channels,
    Map<String, Integer> anomalies,
    long commandsDropped)
    implements Serializable {

  public FtpSessionSummary {
    commands = List.copyOf(commands);
    channels = List.copyOf(channels);
    anomalies = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(anomalies)));
    if (failedLogins < 0 || commandsDropped < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }
}
