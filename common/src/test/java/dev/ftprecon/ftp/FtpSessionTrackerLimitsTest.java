package dev.ftprecon.ftp;

import static dev.ftprecon.ftp.SessionScript.sec;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Caps, holes and malformed traffic: the tracker counts and carries on. */
class FtpSessionTrackerLimitsTest {

  private static FtpLimits limits(
      int maxLineBytes, int maxReplyLines, int maxCommands, int maxPending, int maxChannels) {
    return new FtpLimits(maxLineBytes, maxReplyLines, maxCommands, maxPending, maxChannels);
  }

  @Test
  void commandsOverTheCapAreCountedButStillTakeEffect() {
    FtpSessionSummary summary =
        new SessionScript(limits(8192, 100, 3, 100, 100))
            .server(0, "220 ready")
            .client(1, "USER a")
            .server(1.1, "230 ok")
            .client(2, "PASV")
            .server(2.1, "227 Entering Passive Mode (10,0,0,2,195,80).")
            .client(3, "RETR x")
            .server(3.1, "150 go")
            .server(3.2, "226 done")
            .finish(4);

    // greeting, USER, PASV kept; RETR dropped
    assertThat(summary.commands())
        .extracting(FtpCommandRecord::command)
        .containsExactly("", "USER", "PASV");
    assertThat(summary.commandsDropped()).isEqualTo(1);
    assertThat(summary.channels()).hasSize(1);
    assertThat(summary.channels().get(0).replyCode()).isEqualTo(226);
  }

  @Test
  void overTheCapOfCommandsAwaitingAReplyTheOldestStopsWaiting() {
    FtpSessionSummary summary =
        new SessionScript(limits(8192, 100, 100, 2, 100))
            .client(1, "NOOP", "NOOP", "NOOP", "NOOP", "NOOP")
            .finish(2);

    assertThat(summary.commands()).hasSize(5);
    assertThat(summary.anomalies()).containsEntry(Anomalies.PENDING_OVERFLOW, 3);
  }

  @Test
  void channelsOverTheCapAreCounted() {
    FtpSessionSummary summary =
        new SessionScript(limits(8192, 100, 100, 100, 1))
            .server(0, "220 ready")
            .client(1, "PASV")
            .server(1.1, "227 Entering Passive Mode (10,0,0,2,195,80).")
            .client(2, "RETR a", "RETR b", "RETR c")
            .server(2.1, "150 go", "226 done", "150 go", "226 done", "150 go", "226 done")
            .finish(3);

    assertThat(summary.channels()).extracting(ExpectedDataChannel::path).containsExactly("a");
    assertThat(summary.anomalies()).containsEntry(Anomalies.CHANNELS_DROPPED, 2);
  }

  @Test
  void atTheChannelCapATransferThatStartedTakesThePlaceOfTheOldestRefusedOne() {
    FtpSessionSummary summary =
        new SessionScript(limits(8192, 100, 100, 100, 2))
            .server(0, "220 ready")
            .client(1, "PASV")
            .server(1.1, "227 Entering Passive Mode (10,0,0,2,195,80).")
            .client(2, "RETR gone-1")
            .server(2.1, "425 Can't open data connection.")
            .client(3, "RETR gone-2")
            .server(3.1, "550 No such file.")
            .client(4, "RETR gone-3")
            .server(4.1, "425 Can't open data connection.")
            .client(5, "RETR real")
            .server(5.1, "150 go", "226 done")
            .finish(6);

    // gone-3 arrives at the cap and is refused itself: dropped; real evicts gone-1.
    assertThat(summary.channels())
        .extracting(ExpectedDataChannel::path)
        .containsExactly("gone-2", "real");
    assertThat(summary.channels()).extracting(ExpectedDataChannel::ordinal).doesNotHaveDuplicates();
    assertThat(summary.anomalies()).containsEntry(Anomalies.CHANNELS_DROPPED, 2);
  }

  @Test
  void atTheChannelCapWithNothingRefusedTheNewChannelIsDropped() {
    FtpSessionSummary summary =
        new SessionScript(limits(8192, 100, 100, 100, 1))
            .server(0, "220 ready")
            .client(1, "PASV")
            .server(1.1, "227 Entering Passive Mode (10,0,0,2,195,80).")
            .client(2, "RETR first")
            .server(2.1, "150 go", "226 done")
            .client(3, "RETR second")
            .server(3.1, "150 go", "226 done")
            .finish(4);

    assertThat(summary.channels()).extracting(ExpectedDataChannel::path).containsExactly("first");
    assertThat(summary.anomalies()).containsEntry(Anomalies.CHANNELS_DROPPED, 1);
  }

  @Test
  void aTooLongLineIsCutCountedAndStillUsed() {
    FtpSessionSummary summary =
        new SessionScript(limits(10, 100, 100, 100, 100))
            .server(0, "220 ready")
            .client(1, "RETR a-very-long-name.txt")
            .finish(2);

    // the first 10 bytes: "RETR a-ver"
    assertThat(summary.commands().get(1).arg()).isEqualTo("a-ver");
    assertThat(summary.anomalies()).containsEntry(Anomalies.lineTooLong(10), 1);
  }

  @Test
  void anEndlessClientLineCostsOneAnomalyAndNoMore() {
    SessionScript script = new SessionScript().server(0, "220 ready");
    byte[] chunk = new byte[64 * 1024];
    Arrays.fill(chunk, (byte) 'A');
    for (int i = 0; i < 160; i++) {
      script.clientBytes(1 + i * 0.001, chunk);
    }
    FtpSessionSummary summary = script.client(2, "", "NOOP").server(2.1, "200 ok").finish(3);

    assertThat(summary.anomalies())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                Anomalies.lineTooLong(FtpLimits.DEFAULT_MAX_LINE_BYTES),
                1,
                Anomalies.NOT_A_COMMAND,
                1));
    assertThat(summary.commands())
        .last()
        .isEqualTo(new FtpCommandRecord(sec(2), "NOOP", "", 200, "ok"));
  }

  @Test
  void aClientHoleDropsTheUnfinishedCommand() {
    SessionScript script = new SessionScript().server(0, "220 ready");
    byte[] head = "RETR sec".getBytes(StandardCharsets.US_ASCII);
    script.clientBytes(1, head);
    script.tracker().gap(true, sec(1.5), 100);
    FtpSessionSummary summary = script.client(2, "NOOP").server(2.1, "200 ok").finish(3);

    assertThat(summary.commands())
        .extracting(FtpCommandRecord::command)
        .containsExactly("", "NOOP");
    assertThat(summary.anomalies()).containsEntry(Anomalies.CLIENT_GAP, 1);
  }

  @Test
  void aServerHoleClosesAnOpenMultiLineReply() {
    SessionScript script =
        new SessionScript()
            .server(0, "220 ready")
            .client(1, "HELP")
            .server(1.1, "214-Commands:", " USER PASS");
    script.tracker().gap(false, sec(1.2), 100);
    FtpSessionSummary summary = script.client(2, "NOOP").server(2.1, "200 ok").finish(3);

    assertThat(summary.commands())
        .containsExactly(
            new FtpCommandRecord(sec(0), "", "", 220, "ready"),
            new FtpCommandRecord(sec(1), "HELP", "", 214, "Commands:\n USER PASS"),
            new FtpCommandRecord(sec(2), "NOOP", "", 200, "ok"));
    assertThat(summary.anomalies())
        .containsEntry(Anomalies.SERVER_GAP, 1)
        .containsEntry(Anomalies.UNFINISHED_REPLY, 1);
  }

  @Test
  void anUnfinishedClientLineAtTheEndIsNotACommand() {
    FtpSessionSummary summary =
        new SessionScript()
            .server(0, "220 ready")
            .clientBytes(1, "DELE important".getBytes(StandardCharsets.US_ASCII))
            .finish(2);

    assertThat(summary.commands()).hasSize(1);
    assertThat(summary.anomalies()).containsEntry(Anomalies.UNFINISHED_LINE, 1);
  }

  @Test
  void anUnfinishedServerLineAtTheEndIsStillAReply() {
    FtpSessionSummary summary =
        new SessionScript()
            .server(0, "220 ready")
            .client(1, "QUIT")
            .serverBytes(1.1, "221 Bye".getBytes(StandardCharsets.US_ASCII))
            .finish(2);

    assertThat(summary.commands())
        .last()
        .isEqualTo(new FtpCommandRecord(sec(1), "QUIT", "", 221, "Bye"));
    assertThat(summary.anomalies()).containsEntry(Anomalies.UNFINISHED_LINE, 1);
  }

  @Test
  void aClientLineThatIsNotACommandIsCounted() {
    FtpSessionSummary summary =
        new SessionScript().server(0, "220 ready").client(1, "HELLO WORLD").finish(2);

    assertThat(summary.commands()).hasSize(1);
    assertThat(summary.anomalies()).containsEntry(Anomalies.NOT_A_COMMAND, 1);
  }

  @Test
  void aServerLineWithoutCodeIsKeptAsCodeZero() {
    FtpSessionSummary summary =
        new SessionScript().server(0, "220 ready").server(1, "garbage").finish(2);

    assertThat(summary.commands())
        .last()
        .isEqualTo(new FtpCommandRecord(sec(1), "", "", 0, "garbage"));
    assertThat(summary.anomalies()).containsEntry(Anomalies.REPLY_WITHOUT_CODE, 1);
  }

  @Test
  void anUnreadablePassiveReplyIsCountedAndAnnouncesNothing() {
    FtpSessionSummary summary =
        new SessionScript()
            .anonymousLogin(0)
            .client(1, "PASV")
            .server(1.1, "227 Entering Passive Mode (10,0,0,2,195)")
            .client(2, "RETR a")
            .server(2.1, "150 go")
            .finish(3);

    assertThat(summary.anomalies())
        .containsEntry(Anomalies.PASV_UNREADABLE, 1)
        .containsEntry(Anomalies.TRANSFER_WITHOUT_MODE, 1);
    assertThat(summary.channels().get(0).mode()).isEqualTo("DEFAULT");
  }

  @Test
  void anUnreadableAcceptedPortIsCounted() {
    FtpSessionSummary summary =
        new SessionScript()
            .anonymousLogin(0)
            .client(1, "PORT 10,0,0,1,4")
            .server(1.1, "200 PORT command successful.")
            .finish(2);

    assertThat(summary.anomalies()).containsEntry(Anomalies.PORT_UNREADABLE, 1);
  }

  @Test
  void anUnreadableRestMarkerIsCountedAndIgnored() {
    FtpSessionSummary summary =
        new SessionScript()
            .anonymousLogin(0)
            .client(1, "REST abc")
            .server(1.1, "350 Restarting.")
            .client(2, "PASV")
            .server(2.1, "227 Entering Passive Mode (10,0,0,2,195,80).")
            .client(3, "RETR a")
            .server(3.1, "150 go")
            .finish(4);

    assertThat(summary.channels().get(0).restOffset()).isZero();
    assertThat(summary.anomalies()).containsEntry(Anomalies.REST_UNREADABLE, 1);
  }

  @Test
  void noBytesAtAllMakeAnEmptySummary() {
    FtpSessionSummary summary = new SessionScript().finish(5);

    assertThat(summary.startNanos()).isEqualTo(sec(5));
    assertThat(summary.commands()).isEmpty();
    assertThat(summary.channels()).isEmpty();
    assertThat(summary.banner()).isNull();
  }
}
