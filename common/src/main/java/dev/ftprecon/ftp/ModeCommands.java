package dev.ftprecon.ftp;

import java.util.Optional;

/**
 * The commands that choose the data endpoint: PASV and PORT (RFC 959 §4.1.2), EPSV and EPRT (RFC
 * 2428), LPSV and LPRT (RFC 1639). Passive ones announce the server's listener in the reply, active
 * ones the client's listener in the argument.
 */
final class ModeCommands {

  private ModeCommands() {}

  static boolean isModeCommand(String verb) {
    return switch (verb) {
      case "PASV", "EPSV", "LPSV", "PORT", "EPRT", "LPRT" -> true;
      default -> false;
    };
  }

  /**
   * RFC 2428 §4: EPSV ALL tells the server to refuse the other mode commands from now on; it
   * announces nothing and leaves the endpoint in force alone.
   */
  static boolean isEpsvAll(PendingCommand command) {
    return command.verb().equals("EPSV") && command.arg().strip().equalsIgnoreCase("ALL");
  }

  /**
   * The endpoint an answered mode command announces: empty if the server refused it, or if the
   * address cannot be read (counted under a named anomaly).
   */
  static Optional<AnnouncedEndpoint> announced(
      PendingCommand command, String serverIp, AnomalyCounter anomalies) {
    FtpReply reply = command.finalReply();
    if (!reply.positiveCompletion()) {
      return Optional.empty();
    }
    String verb = command.verb();
    String text = reply.text();
    String arg = command.arg();
    Optional<HostPort> address =
        switch (verb) {
          case "PASV" -> FtpAddresses.parsePasvReply(text);
          case "EPSV" -> FtpAddresses.parseEpsvReply(text, serverIp);
          case "LPSV" -> FtpAddresses.parseLpsvReply(text);
          case "PORT" -> FtpAddresses.parsePort(arg);
          case "EPRT" -> FtpAddresses.parseEprt(arg);
          default -> FtpAddresses.parseLprt(arg);
        };
    if (address.isEmpty()) {
      anomalies.add(unreadable(verb));
      return Optional.empty();
    }
    boolean passive = verb.equals("PASV") || verb.equals("EPSV") || verb.equals("LPSV");
    return Optional.of(new AnnouncedEndpoint(verb, passive, address.get(), command.timeNanos));
  }

  private static String unreadable(String verb) {
    return switch (verb) {
      case "PASV" -> Anomalies.PASV_UNREADABLE;
      case "EPSV" -> Anomalies.EPSV_UNREADABLE;
      case "LPSV" -> Anomalies.LPSV_UNREADABLE;
      case "PORT" -> Anomalies.PORT_UNREADABLE;
      case "EPRT" -> Anomalies.EPRT_UNREADABLE;
      default -> Anomalies.LPRT_UNREADABLE;
    };
  }
}
