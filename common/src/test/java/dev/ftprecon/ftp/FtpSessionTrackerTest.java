package dev.ftprecon.ftp;

import static dev.ftprecon.ftp.SessionScript.CLIENT_IP;
import static dev.ftprecon.ftp.SessionScript.SERVER_IP;
import static dev.ftprecon.ftp.SessionScript.sec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class FtpSessionTrackerTest {

  private final SessionScript script = new SessionScript();

  @Test
  void passiveDownloadAfterLoginCwdAndSizeProducesOneFullyDescribedChannel() {
    FtpSessionSummary summary =
        script
            .anonymousLogin(0)
            .client(1, "PWD")
            .server(1.1, "257 \"/home/ftp\" is the current directory")
            .client(2, "CWD pub")
            .server(2.1, "250 Directory successfully changed.")
            .client(3, "SIZE file.bin")
            .server(3.1, "213 1234")
            .client(4, "PASV")
            .server(4.1, "227 Entering Passive Mode (10,0,0,2,195,80).")
            .client(5, "RETR file.bin")
            .server(5.1, "150 Opening BINARY mode data connection for file.bin (1234 bytes).")
            .server(6, "226 Transfer complete.")
            .client(7, "QUIT")
            .server(7.1, "221 Goodbye.")
            .finish(8);

    assertThat(summary.banner()).isEqualTo("(vsFTPd 3.0.3)");
    assertThat(summary.user()).isEqualTo("anonymous");
    assertThat(summary.password()).isEqualTo("guest@example.com");
    assertThat(summary.loginSucceeded()).isTrue();
    assertThat(summary.failedLogins()).isZero();
    assertThat(summary.tls()).isFalse();
    assertThat(summary.startNanos()).isEqualTo(sec(0));
    assertThat(summary.endNanos()).isEqualTo(sec(8));
    assertThat(summary.anomalies()).isEmpty();
    assertThat(summary.commandsDropped()).isZero();
    assertThat(summary.commands())
        .containsExactly(
            new FtpCommandRecord(sec(0), "", "", 220, "(vsFTPd 3.0.3)"),
            new FtpCommandRecord(
                sec(0.1), "USER", "anonymous", 331, "Please specify the password."),
            new FtpCommandRecord(sec(0.3), "PASS", "guest@example.com", 230, "Login successful."),
            new FtpCommandRecord(sec(0.5), "TYPE", "I", 200, "Switching to Binary mode."),
            new FtpCommandRecord(sec(1), "PWD", "", 257, "\"/home/ftp\" is the current directory"),
            new FtpCommandRecord(sec(2), "CWD", "pub", 250, "Directory successfully changed."),
            new FtpCommandRecord(sec(3), "SIZE", "file.bin", 213, "1234"),
            new FtpCommandRecord(
                sec(4), "PASV", "", 227, "Entering Passive Mode (10,0,0,2,195,80)."),
            new FtpCommandRecord(sec(5), "RETR", "file.bin", 226, "Transfer complete."),
            new FtpCommandRecord(sec(7), "QUIT", "", 221, "Goodbye."));
    assertThat(summary.channels())
        .containsExactly(
            new ExpectedDataChannel(
                0,
                "RETR",
                "file.bin",
                "/home/ftp/pub/file.bin",
                "PASV",
                true,
                new HostPort("10.0.0.2", 50000),
                false,
                false,
                "anonymous",
                "I",
                0,
                sec(4),
                sec(5),
                sec(6),
                226,
                "Transfer complete.",
                1234,
                Direction.DOWNLOAD,
                null,
                false));
  }

  @Test
  void epsvUploadGoesToTheControlServerAddress() {
    FtpSessionSummary summary =
        script
            .anonymousLogin(0)
            .client(1, "EPSV")
            .server(1.1, "229 Entering Extended Passive Mode (|||6446|)")
            .client(2, "STOR up.txt")
            .server(2.1, "150 Ok to send data.")
            .server(3, "226 Transfer complete.")
            .finish(4);

    assertThat(summary.channels())
        .containsExactly(
            new ExpectedDataChannel(
                0,
                "STOR",
                "up.txt",
                "/up.txt",
                "EPSV",
                true,
                new HostPort(SERVER_IP, 6446),
                false,
                false,
                "anonymous",
                "I",
                0,
                sec(1),
                sec(2),
                sec(3),
                226,
                "Transfer complete.",
                -1,
                Direction.UPLOAD,
                null,
                false));
  }

  @Test
  void activeListingWithPortAnnouncesTheClientEnd() {
    FtpSessionSummary summary =
        script
            .anonymousLogin(0)
            .client(1, "PORT 10,0,0,1,4,1")
            .server(1.1, "200 PORT command successful. Consider using PASV.")
            .client(2, "LIST -la")
            .server(2.1, "150 Here comes the directory listing.")
            .server(2.5, "226 Directory send OK.")
            .finish(3);

    // 4 * 256 + 1 = 1025
    assertThat(summary.channels())
        .containsExactly(
            new ExpectedDataChannel(
                0,
                "LIST",
                "-la",
                "/",
                "PORT",
                false,
                new HostPort(CLIENT_IP, 1025),
                false,
                false,
                "anonymous",
                "I",
                0,
                sec(1),
                sec(2),
                sec(2.5),
                226,
                "Directory send OK.",
                -1,
                Direction.LISTING,
                null,
                false));
  }

  @Test
  void eprtOverIpv6IsNormalisedAndComparedWithTheIpv6Client() {
    SessionScript v6 =
        new SessionScript(
            new FtpSessionTracker("2001:db8::1", 50000, "2001:db8::2", 21, FtpLimits.DEFAULTS));
    FtpSessionSummary summary =
        v6.anonymousLogin(0)
            .client(1, "EPRT |2|2001:DB8:0:0::1|5282|")
            .server(1.1, "200 EPRT command successful.")
            .client(2, "RETR x")
            .server(2.1, "150 Opening BINARY mode data connection.")
            .server(3, "226 Transfer complete.")
            .finish(4);

    ExpectedDataChannel channel = summary.channels().get(0);
    assertThat(channel.mode()).isEqualTo("EPRT");
    assertThat(channel.passive()).isFalse();
    assertThat(channel.announced()).isEqualTo(new HostPort("2001:db8::1", 5282));
    assertThat(channel.announced().ip()).isEqualTo("2001:db8::1");
    assertThat(channel.announcedAddressDiffers()).isFalse();
  }

  @Test
  void epsvOverIpv6UsesTheIpv6ControlServer() {
    SessionScript v6 =
        new SessionScript(
            new FtpSessionTracker("2001:db8::1", 50000, "2001:DB8::2", 21, FtpLimits.DEFAULTS));
    FtpSessionSummary summary =
        v6.anonymousLogin(0)
            .client(1, "EPSV")
            .server(1.1, "229 Entering Extended Passive Mode (|||6446|)")
            .client(2, "RETR x")
            .server(2.1, "150 Opening BINARY mode data connection.")
            .finish(4);

    assertThat(summary.channels().get(0).announced()).isEqualTo(new HostPort("2001:db8::2", 6446));
    assertThat(summary.channels().get(0).announcedAddressDiffers()).isFalse();
  }

  @Test
  void restAppliesToTheNextTransferOnly() {
    FtpSessionSummary summary =
        script
            .anonymousLogin(0)
            .client(1, "PASV")
            .server(1.1, "227 Entering Passive Mode (10,0,0,2,195,80).")
            .client(2, "REST 1000")
            .server(2.1, "350 Restart position accepted (1000).")
            .client(3, "RETR big.iso")
            .server(3.1, "150 Opening BINARY mode data connection for big.iso (5000 bytes).")
            .server(4, "226 Transfer complete.")
            .client(5, "PASV")
            .server(5.1, "227 Entering Passive Mode (10,0,0,2,195,81).")
            .client(6, "RETR small.txt")
            .server(6.1, "150 Opening BINARY mode data connection for small.txt (10 bytes).")
            .server(7, "226 Transfer complete.")
            .finish(8);

    assertThat(summary.channels())
        .extracting(ExpectedDataChannel::restOffset, ExpectedDataChannel::announcedSize)
        .containsExactly(tuple(1000L, 5000L), tuple(0L, 10L));
  }

  @Test
  void relativePathsResolveAgainstTheDirectoryChangesTheServerAccepted() {
    FtpSessionSummary summary =
        script
            .anonymousLogin(0)
            .client(1, "CWD /pub/linux")
            .server(1.1, "250 Directory successfully changed.")
            .client(2, "CWD ../docs")
            .server(2.1, "250 Directory successfully changed.")
            .client(3, "CWD missing")
            .server(3.1, "550 Failed to change directory.")
            .client(4, "XCWD sub")
            .server(4.1, "250 Directory successfully changed.")
            .client(5, "CDUP")
            .server(5.1, "250 Directory successfully changed.")
            .client(6, "PASV")
            .server(6.1, "227 Entering Passive Mode (10,0,0,2,195,80).")
            .client(7, "RETR ./a/../b.txt")
            .server(7.1, "150 Opening BINARY mode data connection.")
            .server(8, "226 Transfer complete.")
            .client(9, "PASV")
            .server(9.1, "227 Entering Passive Mode (10,0,0,2,195,81).")
            .client(10, "RETR ../../../../etc/passwd")
            .server(10.1, "550 Failed to open file.")
            .finish(11);

    assertThat(summary.channels())
        .extracting(ExpectedDataChannel::path, ExpectedDataChannel::resolvedPath)
        .containsExactly(
            tuple("./a/../b.txt", "/pub/docs/b.txt"),
            tuple("../../../../etc/passwd", "/etc/passwd"));
  }

  @Test
  void aPwdReplyWithDoubledQuotesSetsTheDirectory() {
    FtpSessionSummary summary =
        script
            .anonymousLogin(0)
            .client(1, "PWD")
            .server(1.1, "257 \"/a \"\"quoted\"\" dir\" is current directory.")
            .client(2, "PASV")
            .server(2.1, "227 Entering Passive Mode (10,0,0,2,195,80).")
            .client(3, "RETR x")
            .server(3.1, "150 Opening BINARY mode data connection.")
            .finish(4);

    assertThat(summary.channels().get(0).resolvedPath()).isEqualTo("/a \"quoted\" dir/x");
  }

  @Test
  void pipelinedCommandsPairWithTheirRepliesInOrder() {
    FtpSessionSummary summary =
        script
            .anonymousLogin(0)
            .client(1, "CWD pub", "PASV", "RETR a", "PASV", "RETR b")
            .server(1.1, "250 Directory successfully changed.")
            .server(1.2, "227 Entering Passive Mode (10,0,0,2,195,80).")
            .server(1.3, "150 Opening BINARY mode data connection for a (1 bytes).")
            .server(1.4, "226 Transfer complete.")
            .server(1.5, "227 Entering Passive Mode (10,0,0,2,195,81).")
            .server(1.6, "150 Opening BINARY mode data connection for b (2 bytes).")
            .server(1.7, "226 Transfer complete.")
            .finish(2);

    assertThat(summary.commands().subList(4, 9))
        .extracting(FtpCommandRecord::command, FtpCommandRecord::replyCode)
        .containsExactly(
            tuple("CWD", 250),
            tuple("PASV", 227),
            tuple("RETR", 226),
            tuple("PASV", 227),
            tuple("RETR", 226));
    assertThat(summary.channels())
        .extracting(
            ExpectedDataChannel::resolvedPath,
            ExpectedDataChannel::announced,
            ExpectedDataChannel::endpointReused,
            ExpectedDataChannel::announcedSize,
            ExpectedDataChannel::finalReplyNanos)
        .containsExactly(
            tuple("/pub/a", new HostPort("10.0.0.2", 50000), false, 1L, sec(1.4)),
            tuple("/pub/b", new HostPort("10.0.0.2", 50001), false, 2L, sec(1.7)));
    assertThat(summary.channels())
        .extracting(ExpectedDataChannel::modeNanos, ExpectedDataChannel::commandNanos)
        .containsOnly(tuple(sec(1), sec(1)));
  }

  @Test
  void authTlsAcceptedStopsParsingAndMarksTheSessionTls() {
    FtpSessionSummary summary =
        script
            .server(0, "220 ProFTPD Server ready.")
            .client(0.1, "AUTH TLS")
            .server(0.2, "234 AUTH TLS successful")
            .clientBytes(0.3, new byte[] {0x16, 0x03, 0x01, 0x00, 0x05, 'U', 'S', 'E', 'R', '\n'})
            .serverBytes(0.4, new byte[] {0x16, 0x03, 0x03, '5', '3', '0', ' ', 'x', '\n'})
            .finish(1);

    assertThat(summary.tls()).isTrue();
    assertThat(summary.commands())
        .extracting(FtpCommandRecord::command, FtpCommandRecord::replyCode)
        .containsExactly(tuple("", 220), tuple("AUTH", 234));
    assertThat(summary.anomalies()).isEmpty();
    assertThat(summary.loginSucceeded()).isNull();
  }

  @Test
  void authTlsRejectedKeepsTheSessionInClearText() {
    FtpSessionSummary summary =
        script
            .server(0, "220 ready")
            .client(0.1, "AUTH TLS")
            .server(0.2, "500 AUTH not understood")
            .client(0.3, "USER bob")
            .server(0.4, "331 Password required")
            .finish(1);

    assertThat(summary.tls()).isFalse();
    assertThat(summary.user()).isEqualTo("bob");
  }

  @Test
  void aSessionThatStartsWithTlsIsImplicitFtps() {
    FtpSessionSummary summary =
        script.clientBytes(0, new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, '\n'}).finish(1);

    assertThat(summary.tls()).isTrue();
    assertThat(summary.commands()).isEmpty();
    assertThat(summary.anomalies()).isEmpty();
  }

  @Test
  void failedLoginsAreCountedAndALaterSuccessWins() {
    FtpSessionSummary failedOnly =
        new SessionScript()
            .server(0, "220 ready")
            .client(1, "USER admin")
            .server(1.1, "331 Password required for admin")
            .client(2, "PASS 123456")
            .server(2.1, "530 Login incorrect.")
            .client(3, "USER admin")
            .server(3.1, "331 Password required for admin")
            .client(4, "PASS password")
            .server(4.1, "530 Login incorrect.")
            .finish(5);
    assertThat(failedOnly.loginSucceeded()).isFalse();
    assertThat(failedOnly.failedLogins()).isEqualTo(2);
    assertThat(failedOnly.password()).isEqualTo("password");

    FtpSessionSummary thenSuccess =
        script
            .server(0, "220 ready")
            .client(1, "USER admin")
            .server(1.1, "331 Password required for admin")
            .client(2, "PASS 123456")
            .server(2.1, "530 Login incorrect.")
            .client(3, "USER admin")
            .server(3.1, "331 Password required for admin")
            .client(4, "PASS s3cret")
            .server(4.1, "230 User admin logged in")
            .finish(5);
    assertThat(thenSuccess.loginSucceeded()).isTrue();
    assertThat(thenSuccess.failedLogins()).isEqualTo(1);
    assertThat(thenSuccess.password()).isEqualTo("s3cret");
  }

  @Test
  void a230ToUserAloneIsASuccessfulLogin() {
    FtpSessionSummary summary =
        script.server(0, "220 ready").client(1, "USER ftp").server(1.1, "230 Logged in").finish(2);

    assertThat(summary.loginSucceeded()).isTrue();
    assertThat(summary.password()).isNull();
  }

  @Test
  void noLoginReplyLeavesTheOutcomeUnknown() {
    FtpSessionSummary summary = script.server(0, "220 ready").client(1, "USER ftp").finish(2);

    assertThat(summary.loginSucceeded()).isNull();
    assertThat(summary.commands().get(1))
        .isEqualTo(new FtpCommandRecord(sec(1), "USER", "ftp", 0, ""));
  }

  @Test
  void failedTransfersKeepTheirFinalReply() {
    FtpSessionSummary summary =
        script
            .anonymousLogin(0)
            .client(1, "PASV")
            .server(1.1, "227 Entering Passive Mode (10,0,0,2,195,80).")
            .client(2, "RETR a")
            .server(2.1, "425 Can't open data connection.")
            .client(3, "PASV")
            .server(3.1, "227 Entering Passive Mode (10,0,0,2,195,81).")
            .client(4, "RETR b")
            .server(4.1, "150 Opening BINARY mode data connection for b (99 bytes).")
            .server(5, "426 Connection closed; transfer aborted.")
            .finish(6);

    assertThat(summary.channels())
        .extracting(
            ExpectedDataChannel::replyCode,
            ExpectedDataChannel::replyText,
            ExpectedDataChannel::finalReplyNanos)
        .containsExactly(
            tuple(425, "Can't open data connection.", sec(2.1)),
            tuple(426, "Connection closed; transfer aborted.", sec(5)));
  }

  @Test
  void aSecondTransferOnTheSameAnnouncementIsMarkedReused() {
    FtpSessionSummary summary =
        script
            .anonymousLogin(0)
            .client(1, "PASV")
            .server(1.1, "227 Entering Passive Mode (10,0,0,2,195,80).")
            .client(2, "RETR a")
            .server(2.1, "150 Opening BINARY mode data connection.")
            .server(3, "226 Transfer complete.")
            .client(4, "RETR b")
            .server(4.1, "150 Opening BINARY mode data connection.")
            .server(5, "226 Transfer complete.")
            .finish(6);

    assertThat(summary.channels())
        .extracting(
            ExpectedDataChannel::ordinal,
            ExpectedDataChannel::announced,
            ExpectedDataChannel::modeNanos,
            ExpectedDataChannel::endpointReused)
        .containsExactly(
            tuple(0, new HostPort("10.0.0.2", 50000), sec(1), false),
            tuple(1, new HostPort("10.0.0.2", 50000), sec(1), true));
  }

  @Test
  void aRejectedModeCommandAnnouncesNothingAndEndsTheEndpointInForce() {
    FtpSessionSummary summary =
        script
            .anonymousLogin(0)
            .client(1, "PASV")
            .server(1.1, "227 Entering Passive Mode (10,0,0,2,195,80).")
            .client(2, "EPSV")
            .server(2.1, "500 EPSV not understood")
            .client(3, "RETR a")
            .server(3.1, "150 Opening BINARY mode data connection.")
            .finish(4);

    ExpectedDataChannel channel = summary.channels().get(0);
    assertThat(channel.mode()).isEqualTo("DEFAULT");
    assertThat(channel.passive()).isFalse();
    assertThat(channel.announced()).isEqualTo(new HostPort(CLIENT_IP, SessionScript.CLIENT_PORT));
    assertThat(channel.modeNanos()).isEqualTo(sec(3));
    assertThat(summary.anomalies()).containsEntry(Anomalies.TRANSFER_WITHOUT_MODE, 1);
  }

  @Test
  void epsvAllIsNotAModeAnnouncement() {
    FtpSessionSummary summary =
        script
            .anonymousLogin(0)
            .client(1, "EPSV ALL")
            .server(1.1, "200 EPSV ALL ok.")
            .client(2, "EPSV")
            .server(2.1, "229 Entering Extended Passive Mode (|||6446|)")
            .client(3, "EPSV ALL")
            .server(3.1, "200 EPSV ALL ok.")
            .client(4, "RETR a")
            .server(4.1, "150 Opening BINARY mode data connection.")
            .finish(5);

    assertThat(summary.channels().get(0).announced()).isEqualTo(new HostPort(SERVER_IP, 6446));
    assertThat(summary.anomalies()).isEmpty();
  }

  @Test
  void aPassiveAddressOtherThanTheServersIsFlagged() {
    FtpSessionSummary summary =
        script
            .anonymousLogin(0)
            .client(1, "PASV")
            .server(1.1, "227 Entering Passive Mode (192,168,1,2,195,80).")
            .client(2, "RETR a")
            .server(2.1, "150 Opening BINARY mode data connection.")
            .finish(3);

    assertThat(summary.channels().get(0).announced()).isEqualTo(new HostPort("192.168.1.2", 50000));
    assertThat(summary.channels().get(0).announcedAddressDiffers()).isTrue();
  }

  @Test
  void anActiveAddressOtherThanTheClientsIsFlaggedAsABounce() {
    FtpSessionSummary summary =
        script
            .anonymousLogin(0)
            .client(1, "PORT 192,0,2,99,0,25")
            .server(1.1, "200 PORT command successful.")
            .client(2, "RETR mail.txt")
            .server(2.1, "150 Opening BINARY mode data connection.")
            .finish(3);

    assertThat(summary.channels().get(0).announced()).isEqualTo(new HostPort("192.0.2.99", 25));
    assertThat(summary.channels().get(0).announcedAddressDiffers()).isTrue();
  }

  @Test
  void longPassiveAndLongPortAreUnderstood() {
    FtpSessionSummary summary =
        script
            .anonymousLogin(0)
            .client(1, "LPSV")
            .server(1.1, "228 Entering Long Passive Mode (4,4,10,0,0,2,2,19,137)")
            .client(2, "RETR a")
            .server(2.1, "150 Opening BINARY mode data connection.")
            .server(3, "226 Transfer complete.")
            .client(4, "LPRT 4,4,10,0,0,1,2,4,1")
            .server(4.1, "200 LPRT command successful.")
            .client(5, "STOR b")
            .server(5.1, "150 Opening BINARY mode data connection.")
            .finish(6);

    assertThat(summary.channels())
        .extracting(
            ExpectedDataChannel::mode, ExpectedDataChannel::passive, ExpectedDataChannel::announced)
        .containsExactly(
            tuple("LPSV", true, new HostPort("10.0.0.2", 5001)),
            tuple("LPRT", false, new HostPort("10.0.0.1", 1025)));
  }

  @Test
  void stouRecordsTheNameTheServerChose() {
    FtpSessionSummary summary =
        script
            .anonymousLogin(0)
            .client(1, "CWD incoming")
            .server(1.1, "250 OK")
            .client(2, "PASV")
            .server(2.1, "227 Entering Passive Mode (10,0,0,2,195,80).")
            .client(3, "STOU")
            .server(3.1, "150 FILE: upload.1")
            .server(4, "226 Transfer complete.")
            .finish(5);

    ExpectedDataChannel channel = summary.channels().get(0);
    assertThat(channel.storedName()).isEqualTo("upload.1");
    assertThat(channel.resolvedPath()).isEqualTo("/incoming/upload.1");
    assertThat(channel.direction()).isEqualTo(Direction.UPLOAD);
  }

  @Test
  void stouWithoutANameHasNoResolvedPath() {
    FtpSessionSummary summary =
        script
            .anonymousLogin(0)
            .client(2, "PASV")
            .server(2.1, "227 Entering Passive Mode (10,0,0,2,195,80).")
            .client(3, "STOU")
            .server(3.1, "150 Ok to send data.")
            .finish(5);

    assertThat(summary.channels().get(0).storedName()).isNull();
    assertThat(summary.channels().get(0).resolvedPath()).isNull();
  }

  @Test
  void theTransferTypeIsRecordedAsSent() {
    FtpSessionSummary summary =
        script
            .server(0, "220 ready")
            .client(1, "PASV")
            .server(1.1, "227 Entering Passive Mode (10,0,0,2,195,80).")
            .client(2, "NLST")
            .server(2.1, "150 Here comes the listing.")
            .server(2.2, "226 OK")
            .client(3, "TYPE A N")
            .server(3.1, "200 Type set to A.")
            .client(4, "RETR a")
            .server(4.1, "150 go")
            .server(4.2, "226 OK")
            .client(5, "TYPE L 8")
            .server(5.1, "200 Type set to L 8.")
            .client(6, "TYPE X")
            .server(6.1, "504 Type not implemented.")
            .client(7, "RETR b")
            .server(7.1, "150 go")
            .finish(8);

    assertThat(summary.channels())
        .extracting(ExpectedDataChannel::transferType)
        .containsExactly("A", "A N", "L 8");
  }

  @Test
  void aSizeReplyAppliesOnlyToADownloadOfTheSamePath() {
    FtpSessionSummary summary =
        script
            .anonymousLogin(0)
            .client(1, "SIZE /pub/a.bin")
            .server(1.1, "213 4096")
            .client(2, "CWD /pub")
            .server(2.1, "250 OK")
            .client(3, "PASV")
            .server(3.1, "227 Entering Passive Mode (10,0,0,2,195,80).")
            .client(4, "RETR a.bin")
            .server(4.1, "150 Opening BINARY mode data connection.")
            .server(4.2, "226 OK")
            .client(5, "PASV")
            .server(5.1, "227 Entering Passive Mode (10,0,0,2,195,81).")
            .client(6, "RETR b.bin")
            .server(6.1, "150 Opening BINARY mode data connection.")
            .finish(7);

    assertThat(summary.channels())
        .extracting(ExpectedDataChannel::announcedSize)
        .containsExactly(4096L, -1L);
  }

  @Test
  void alloGivesTheSizeOfTheNextUpload() {
    FtpSessionSummary summary =
        script
            .anonymousLogin(0)
            .client(1, "ALLO 777")
            .server(1.1, "202 ALLO command ignored.")
            .client(2, "PASV")
            .server(2.1, "227 Entering Passive Mode (10,0,0,2,195,80).")
            .client(3, "STOR a")
            .server(3.1, "150 go")
            .finish(4);

    assertThat(summary.channels().get(0).announcedSize()).isEqualTo(777);
  }

  @Test
  void theGreetingIsNotTakenAsTheReplyToAnEagerFirstCommand() {
    FtpSessionSummary summary =
        script
            .client(0, "USER anonymous")
            .server(0.1, "220-Welcome", "220 Rules apply")
            .server(0.2, "331 Send password")
            .finish(1);

    assertThat(summary.banner()).isEqualTo("Welcome\nRules apply");
    assertThat(summary.commands())
        .containsExactly(
            new FtpCommandRecord(sec(0), "USER", "anonymous", 331, "Send password"),
            new FtpCommandRecord(sec(0.1), "", "", 220, "Welcome\nRules apply"));
  }

  @Test
  void aDelayedGreetingStillSetsTheBanner() {
    FtpSessionSummary summary =
        script.server(0, "120 Service ready in 1 minute").server(60, "220 Ready").finish(61);

    assertThat(summary.banner()).isEqualTo("Ready");
    assertThat(summary.anomalies()).isEmpty();
  }

  @Test
  void aGreetingWithoutSpaceAfterTheCodeIsAcceptedAndCounted() {
    FtpSessionSummary summary = script.server(0, "220Welcome").finish(1);

    assertThat(summary.banner()).isEqualTo("Welcome");
    assertThat(summary.anomalies()).containsEntry(Anomalies.REPLY_CODE_WITHOUT_SPACE, 1);
  }

  @Test
  void a421WithNothingAwaitingIsRecordedWithoutAnomaly() {
    FtpSessionSummary summary = script.anonymousLogin(0).server(300, "421 Timeout.").finish(301);

    assertThat(summary.commands())
        .last()
        .isEqualTo(new FtpCommandRecord(sec(300), "", "", 421, "Timeout."));
    assertThat(summary.anomalies()).isEmpty();
  }

  @Test
  void anotherReplyWithNothingAwaitingIsCounted() {
    FtpSessionSummary summary = script.anonymousLogin(0).server(5, "200 NOOP ok.").finish(6);

    assertThat(summary.commands())
        .last()
        .isEqualTo(new FtpCommandRecord(sec(5), "", "", 200, "NOOP ok."));
    assertThat(summary.anomalies()).containsEntry(Anomalies.UNSOLICITED_REPLY, 1);
  }

  @Test
  void aTransferStillAwaitingItsReplyAtTheEndGetsAChannel() {
    FtpSessionSummary summary =
        script
            .anonymousLogin(0)
            .client(1, "PASV")
            .server(1.1, "227 Entering Passive Mode (10,0,0,2,195,80).")
            .client(2, "RETR a")
            .server(2.1, "150 Opening BINARY mode data connection for a (5 bytes).")
            .client(3, "PASV", "RETR b")
            .finish(4);

    assertThat(summary.channels())
        .extracting(
            ExpectedDataChannel::path,
            ExpectedDataChannel::replyCode,
            ExpectedDataChannel::finalReplyNanos,
            ExpectedDataChannel::endpointReused)
        .containsExactly(
            tuple("a", 150, ExpectedDataChannel.NO_FINAL_REPLY, false),
            tuple("b", 0, ExpectedDataChannel.NO_FINAL_REPLY, true));
  }

  @Test
  void telnetInterruptBeforeAborDoesNotDisturbTheCommand() {
    FtpSessionSummary summary =
        script
            .anonymousLogin(0)
            .clientBytes(1, new byte[] {(byte) 255, (byte) 244, (byte) 255, (byte) 242})
            .client(1, "ABOR")
            .server(1.1, "225 No transfer to ABOR.")
            .finish(2);

    assertThat(summary.commands())
        .last()
        .isEqualTo(new FtpCommandRecord(sec(1), "ABOR", "", 225, "No transfer to ABOR."));
  }

  @Test
  void dataAfterFinishIsAProgrammingError() {
    script.finish(1);
    assertThatThrownBy(() -> script.client(2, "NOOP")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theSummarySurvivesJavaSerialization() throws Exception {
    FtpSessionSummary summary =
        script
            .anonymousLogin(0)
            .client(1, "PASV")
            .server(1.1, "227 Entering Passive Mode (10,0,0,2,195,80).")
            .client(2, "RETR a")
            .server(2.1, "150 go")
            .finish(3);

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(summary);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isEqualTo(summary);
    }
  }

  @Test
  void aborDuringATransferPairsTheAbortReplyWithTheTransfer() {
    FtpSessionSummary summary =
        script
            .anonymousLogin(0)
            .client(1, "PASV")
            .server(1.1, "227 Entering Passive Mode (10,0,0,2,195,80).")
            .client(2, "RETR big.iso")
            .server(2.1, "150 Opening BINARY mode data connection for big.iso (9999 bytes).")
            .clientBytes(3, new byte[] {(byte) 255, (byte) 244, (byte) 255, (byte) 242})
            .client(3, "ABOR")
            .server(3.1, "426 Failure writing network stream.")
            .server(3.2, "226 ABOR successful.")
            .finish(4);

    assertThat(summary.channels().get(0).replyCode()).isEqualTo(426);
    assertThat(summary.commands())
        .last()
        .isEqualTo(new FtpCommandRecord(sec(3), "ABOR", "", 226, "ABOR successful."));
  }
}
