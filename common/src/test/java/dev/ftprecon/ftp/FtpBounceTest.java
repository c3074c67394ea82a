package dev.ftprecon.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 2577 §3 (FTP bounce): an active-mode address other than the control client is flagged. */
class FtpBounceTest {
  private static final String BOUNCE = Anomalies.FTP_BOUNCE;

  @Test
  void portToAThirdPartyHostIsFlaggedOnTheSessionAndTheChannel() {
    // 203.0.113.7 port 25 (0,25): the classic bounce at a mail server.
    FtpSessionSummary s =
        session("PORT 203,0,113,7,0,25", "200 PORT command successful", "RETR evil.txt");
    assertThat(s.anomalies()).containsEntry(BOUNCE, 1);
    assertThat(s.channels())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.announced()).isEqualTo(new HostPort("203.0.113.7", 25));
              assertThat(c.announcedAddressDiffers()).isTrue();
            });
  }

  @Test
  void eprtToAThirdPartyHostIsFlagged() {
    FtpSessionSummary s =
        session("EPRT |1|203.0.113.7|25|", "200 EPRT command successful", "STOR x");
    assertThat(s.anomalies()).containsEntry(BOUNCE, 1);
  }

  @Test
  void portToTheClientItselfIsNotABounce() {
    FtpSessionSummary s =
        session("PORT 192,0,2,10,195,80", "200 PORT command successful", "RETR a");
    assertThat(s.anomalies()).doesNotContainKey(BOUNCE);
  }

  @Test
  void aRefusedPortIsNotABounce() {
    // RFC 2577 §3: servers should refuse PORT to a third party (504/500); nothing happens then.
    FtpSessionSummary s = session("PORT 203,0,113,7,0,25", "504 Command not implemented", "NOOP");
    assertThat(s.anomalies()).doesNotContainKey(BOUNCE);
  }

  private static FtpSessionSummary session(String mode, String modeReply, String next) {
    FtpSessionTracker t =
        new FtpSessionTracker("192.0.2.10", 50_000, "198.51.100.21", 21, FtpLimits.DEFAULTS);
    client(t, 1, mode);
    server(t, 2, modeReply);
    client(t, 3, next);
    server(t, 4, "226 done");
    return t.finish(5);
  }

  private static void client(FtpSessionTracker t, long ts, String line) {
    byte[] b = (line + "\r\n").getBytes(StandardCharsets.US_ASCII);
    t.clientData(ts, b, 0, b.length);
  }

  private static void server(FtpSessionTracker t, long ts, String line) {
    byte[] b = (line + "\r\n").getBytes(StandardCharsets.US_ASCII);
    t.serverData(ts, b, 0, b.length);
  }
}
