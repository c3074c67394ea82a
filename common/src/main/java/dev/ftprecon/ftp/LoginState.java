package dev.ftprecon.ftp;

/** Who logged in, and how it went (RFC 959 §4.1.1 USER/PASS/ACCT, §5.4 reply sequences). */
final class LoginState {

  private String user;
  private String password;
  private Boolean succeeded;
  private int failed;

  void commandSent(FtpCommand command) {
    switch (command.verb()) {
      case "USER" -> user = command.arg();
      case "PASS" -> password = command.arg();
      default -> {}
    }
  }

  /**
   * 230 logs in; so does 232 (RFC 2228: authorised by the security exchange) and 202 to PASS or
   * ACCT (superfluous: already logged in). 530 is a failed attempt.
   */
  void replied(String verb, int code) {
    boolean loginCommand = verb.equals("USER") || verb.equals("PASS") || verb.equals("ACCT");
    if (!loginCommand) {
      return;
    }
    if (code == 230 || code == 232 || (code == 202 && !verb.equals("USER"))) {
      succeeded = Boolean.TRUE;
    } else if (code == 530) {
      failed++;
      if (succeeded == null) {
        succeeded = Boolean.FALSE;
      }
    }
  }

  String user() {
    return user;
  }

  String password() {
    return password;
  }

  Boolean succeeded() {
    return succeeded;
  }

  int failed() {
    return failed;
  }
}
