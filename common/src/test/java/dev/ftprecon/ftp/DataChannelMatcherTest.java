package dev.ftprecon.ftp;

import static dev.ftprecon.ftp.SessionScript.sec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DataChannelMatcherTest {

  private static final String CLIENT = "10.0.0.1";
  private static final String SERVER = "10.0.0.2";
  private static final long DAY = sec(86_400);

  private final DataChannelMatcher matcher = new DataChannelMatcher();

  private static Expectation passive(
      int ordinal, HostPort announced, Direction direction, long mode, long command, long fin) {
    return expectation(
        "s1", CLIENT, SERVER, "PASV", true, ordinal, announced, direction, mode, command, fin);
  }

  private static Expectation active(
      int ordinal, HostPort announced, Direction direction, long mode, long command, long fin) {
    return expectation(
        "s1", CLIENT, SERVER, "PORT", false, ordinal, announced, direction, mode, command, fin);
  }

  private static Expectation expectation(
      String session,
      String clientIp,
      String serverIp,
      String mode,
      boolean passive,
      int ordinal,
      HostPort announced,
      Direction direction,
      long modeNanos,
      long commandNanos,
      long finalNanos) {
    ExpectedDataChannel channel =
        new ExpectedDataChannel(
            ordinal,
            direction == Direction.UPLOAD ? "STOR" : "RETR",
            "f" + ordinal,
            "/f" + ordinal,
            mode,
            passive,
            announced,
            false,
            false,
            "u",
            "I",
            0,
            modeNanos,
            commandNanos,
            finalNanos,
            finalNanos == ExpectedDataChannel.NO_FINAL_REPLY ? 0 : 226,
            "",
            -1,
            direction,
            null,
            false);
    return new Expectation(session, clientIp, serverIp, channel);
  }

  private static ConnectionFacts connection(
      String aIp, int aPort, String bIp, int bPort, boolean aInitiated, long first) {
    return new ConnectionFacts(aIp, aPort, bIp, bPort, aInitiated, first, first + sec(1));
  }

  @Test
  void aPassiveDownloadMatchesTheClientConnectingToTheAnnouncedPort() {
    Expectation x =
        passive(0, new HostPort(SERVER, 50000), Direction.DOWNLOAD, sec(10), sec(11), sec(12));
    ConnectionFacts c = connection(CLIENT, 51000, SERVER, 50000, true, sec(10.5));

    List<DataChannelAssignment> result = matcher.match(List.of(x), List.of(c));

    assertThat(result)
        .containsExactly(
            new DataChannelAssignment(
                x, c, new HostPort(SERVER, 50000), new HostPort(CLIENT, 51000)));
    assertThat(DataChannelMatcher.dataSender(result.get(0))).isEqualTo(new HostPort(SERVER, 50000));
    assertThat(DataChannelMatcher.dataReceiver(result.get(0)))
        .isEqualTo(new HostPort(CLIENT, 51000));
  }

  @Test
  void aPassiveChannelIsNotMatchedWhenTheServerSideInitiated() {
    Expectation x =
        passive(0, new HostPort(SERVER, 50000), Direction.DOWNLOAD, sec(10), sec(11), sec(12));
    ConnectionFacts c = connection(SERVER, 50000, CLIENT, 51000, true, sec(10.5));

    assertThat(matcher.match(List.of(x), List.of(c))).isEmpty();
  }

  @Test
  void aPassiveChannelFromAnotherClientIsNotMatched() {
    Expectation x =
        passive(0, new HostPort(SERVER, 50000), Direction.DOWNLOAD, sec(10), sec(11), sec(12));
    ConnectionFacts c = connection("10.9.9.9", 51000, SERVER, 50000, true, sec(10.5));

    assertThat(matcher.match(List.of(x), List.of(c))).isEmpty();
  }

  @Test
  void behindNatThePassiveConnectionGoesToTheControlServerAddress() {
    Expectation x =
        expectation(
            "s1",
            CLIENT,
            "203.0.113.5",
            "PASV",
            true,
            0,
            new HostPort("192.168.1.2", 50000),
            Direction.DOWNLOAD,
            sec(10),
            sec(11),
            sec(12));
    ConnectionFacts c = connection(CLIENT, 51000, "203.0.113.5", 50000, true, sec(10.5));

    assertThat(matcher.match(List.of(x), List.of(c)))
        .extracting(DataChannelAssignment::serverSide)
        .containsExactly(new HostPort("203.0.113.5", 50000));
  }

  @Test
  void anActiveUploadMatchesTheServerConnectingToTheAnnouncedEndpoint() {
    Expectation x =
        active(0, new HostPort(CLIENT, 1025), Direction.UPLOAD, sec(10), sec(11), sec(12));
    ConnectionFacts c = connection(SERVER, 20, CLIENT, 1025, true, sec(11.1));

    List<DataChannelAssignment> result = matcher.match(List.of(x), List.of(c));

    assertThat(result)
        .containsExactly(
            new DataChannelAssignment(x, c, new HostPort(SERVER, 20), new HostPort(CLIENT, 1025)));
    assertThat(DataChannelMatcher.dataSender(result.get(0))).isEqualTo(new HostPort(CLIENT, 1025));
  }

  @Test
  void anActiveChannelIsNotMatchedWhenTheClientSideInitiated() {
    Expectation x =
        active(0, new HostPort(CLIENT, 1025), Direction.UPLOAD, sec(10), sec(11), sec(12));
    ConnectionFacts c = connection(CLIENT, 1025, SERVER, 20, true, sec(11.1));

    assertThat(matcher.match(List.of(x), List.of(c))).isEmpty();
  }

  @Test
  void aClientBehindNatAnnouncingItsPrivateAddressIsMatchedByPort() {
    Expectation x =
        expectation(
            "s1",
            "198.51.100.9",
            SERVER,
            "PORT",
            false,
            0,
            new HostPort("192.168.0.5", 1025),
            Direction.DOWNLOAD,
            sec(10),
            sec(11),
            sec(12));
    ConnectionFacts c = connection(SERVER, 20, "198.51.100.9", 1025, true, sec(11.1));

    assertThat(matcher.match(List.of(x), List.of(c))).hasSize(1);
  }

  @Test
  void aBounceToAThirdPartyMatchesTheAnnouncedEndpoint() {
    Expectation x =
        active(0, new HostPort("192.0.2.99", 25), Direction.DOWNLOAD, sec(10), sec(11), sec(12));
    ConnectionFacts c = connection(SERVER, 20, "192.0.2.99", 25, true, sec(11.1));

    assertThat(matcher.match(List.of(x), List.of(c)))
        .extracting(DataChannelAssignment::clientSide)
        .containsExactly(new HostPort("192.0.2.99", 25));
  }

  @Test
  void theSamePassivePortAnnouncedOnDifferentDaysMapsEachTimeToItsOwnConnection() {
    HostPort port = new HostPort(SERVER, 50000);
    Expectation day1 = passive(0, port, Direction.DOWNLOAD, sec(10), sec(11), sec(12));
    Expectation day2 =
        passive(1, port, Direction.DOWNLOAD, DAY + sec(10), DAY + sec(11), DAY + sec(12));
    ConnectionFacts c1 = connection(CLIENT, 51000, SERVER, 50000, true, sec(10.5));
    ConnectionFacts c2 = connection(CLIENT, 52000, SERVER, 50000, true, DAY + sec(10.5));

    List<DataChannelAssignment> forward = matcher.match(List.of(day1, day2), List.of(c1, c2));
    List<DataChannelAssignment> reversed = matcher.match(List.of(day2, day1), List.of(c2, c1));

    assertThat(forward)
        .extracting(a -> a.expectation().channel().ordinal(), DataChannelAssignment::connection)
        .containsExactly(tuple(0, c1), tuple(1, c2));
    assertThat(reversed).isEqualTo(forward);
  }

  @Test
  void aConnectionOpenedAfterTheModeCommandButBeforeTheTransferCommandMatches() {
    // As in Zeek's retr.pcap: EPSV, SIZE, data connection, then RETR.
    Expectation x =
        expectation(
            "s1",
            CLIENT,
            SERVER,
            "EPSV",
            true,
            0,
            new HostPort(SERVER, 6446),
            Direction.DOWNLOAD,
            sec(10),
            sec(10.8),
            sec(11));
    ConnectionFacts c = connection(CLIENT, 51000, SERVER, 6446, true, sec(10.3));

    assertThat(matcher.match(List.of(x), List.of(c))).hasSize(1);
  }

  @Test
  void aConnectionOpenedWithinTheSlackBeforeTheModeCommandMatches() {
    Expectation x =
        passive(0, new HostPort(SERVER, 50000), Direction.DOWNLOAD, sec(10), sec(11), sec(12));
    ConnectionFacts c = connection(CLIENT, 51000, SERVER, 50000, true, sec(8.5));

    assertThat(matcher.match(List.of(x), List.of(c))).hasSize(1);
  }

  @Test
  void aConnectionOpenedLongBeforeTheModeCommandDoesNotMatch() {
    Expectation x =
        passive(0, new HostPort(SERVER, 50000), Direction.DOWNLOAD, sec(10), sec(11), sec(12));
    ConnectionFacts c = connection(CLIENT, 51000, SERVER, 50000, true, sec(7.9));

    assertThat(matcher.match(List.of(x), List.of(c))).isEmpty();
  }

  @Test
  void aConnectionOpenedLongAfterTheFinalReplyDoesNotMatch() {
    Expectation x =
        passive(0, new HostPort(SERVER, 50000), Direction.DOWNLOAD, sec(10), sec(11), sec(12));
    ConnectionFacts late = connection(CLIENT, 51000, SERVER, 50000, true, sec(14.1));
    ConnectionFacts withinSlack = connection(CLIENT, 51001, SERVER, 50000, true, sec(13.9));

    assertThat(matcher.match(List.of(x), List.of(late))).isEmpty();
    assertThat(matcher.match(List.of(x), List.of(late, withinSlack)))
        .extracting(DataChannelAssignment::connection)
        .containsExactly(withinSlack);
  }

  @Test
  void withoutAFinalReplyAChannelWaitsUntilItExpiresAfterTheTransferCommand() {
    Expectation x =
        passive(
            0,
            new HostPort(SERVER, 50000),
            Direction.DOWNLOAD,
            sec(10),
            sec(11),
            ExpectedDataChannel.NO_FINAL_REPLY);
    // Default expiry 300 s after the command, plus the 2 s slack: until 313 s.
    ConnectionFacts inTime = connection(CLIENT, 51000, SERVER, 50000, true, sec(312));
    ConnectionFacts expired = connection(CLIENT, 51001, SERVER, 50000, true, sec(314));

    assertThat(FtpLimits.DEFAULT_CHANNEL_EXPIRY_NANOS).isEqualTo(sec(300));
    assertThat(matcher.match(List.of(x), List.of(expired))).isEmpty();
    assertThat(matcher.match(List.of(x), List.of(expired, inTime)))
        .extracting(DataChannelAssignment::connection)
        .containsExactly(inTime);
  }

  @Test
  void aShorterExpiryEndsTheWindowBeforeALateFinalReply() {
    DataChannelMatcher tenSeconds = new DataChannelMatcher(sec(2), sec(10));
    Expectation x =
        passive(0, new HostPort(SERVER, 50000), Direction.DOWNLOAD, sec(10), sec(11), sec(100));
    ConnectionFacts inTime = connection(CLIENT, 51000, SERVER, 50000, true, sec(22.5));
    ConnectionFacts expired = connection(CLIENT, 51001, SERVER, 50000, true, sec(23.5));

    assertThat(tenSeconds.match(List.of(x), List.of(expired))).isEmpty();
    assertThat(tenSeconds.match(List.of(x), List.of(inTime))).hasSize(1);
    assertThat(matcher.match(List.of(x), List.of(expired))).hasSize(1);
  }

  @Test
  void anUnknownInitiatorIsMatchedInWhicheverOrientationFits() {
    Expectation x =
        passive(0, new HostPort(SERVER, 50000), Direction.UPLOAD, sec(10), sec(11), sec(12));
    ConnectionFacts c = connection(SERVER, 50000, CLIENT, 51000, false, sec(10.5));

    List<DataChannelAssignment> result = matcher.match(List.of(x), List.of(c));

    assertThat(result)
        .containsExactly(
            new DataChannelAssignment(
                x, c, new HostPort(SERVER, 50000), new HostPort(CLIENT, 51000)));
    assertThat(DataChannelMatcher.dataSender(result.get(0))).isEqualTo(new HostPort(CLIENT, 51000));
  }

  @Test
  void aReusedEndpointGivesEachTransferItsOwnConnectionInCommandOrder() {
    HostPort port = new HostPort(SERVER, 50000);
    Expectation first = passive(0, port, Direction.DOWNLOAD, sec(10), sec(11), sec(12));
    Expectation second = passive(1, port, Direction.DOWNLOAD, sec(10), sec(13), sec(14));
    ConnectionFacts early = connection(CLIENT, 51000, SERVER, 50000, true, sec(11));
    ConnectionFacts later = connection(CLIENT, 51001, SERVER, 50000, true, sec(13));

    assertThat(matcher.match(List.of(second, first), List.of(later, early)))
        .extracting(a -> a.expectation().channel().ordinal(), DataChannelAssignment::connection)
        .containsExactly(tuple(0, early), tuple(1, later));
  }

  @Test
  void oneConnectionServesAtMostOneChannel() {
    HostPort port = new HostPort(SERVER, 50000);
    Expectation first = passive(0, port, Direction.DOWNLOAD, sec(10), sec(11), sec(12));
    Expectation second = passive(1, port, Direction.DOWNLOAD, sec(10), sec(13), sec(14));
    ConnectionFacts only = connection(CLIENT, 51000, SERVER, 50000, true, sec(11));

    assertThat(matcher.match(List.of(first, second), List.of(only)))
        .extracting(a -> a.expectation().channel().ordinal())
        .containsExactly(0);
  }

  @Test
  void theControlConnectionItselfIsNeverADataChannel() {
    Expectation x =
        passive(0, new HostPort(SERVER, 50000), Direction.DOWNLOAD, sec(10), sec(11), sec(12));
    ConnectionFacts control = connection(CLIENT, 40000, SERVER, 21, true, sec(10.5));

    assertThat(matcher.match(List.of(x), List.of(control))).isEmpty();
  }

  @Test
  void ipv6TextIsComparedInCanonicalForm() {
    Expectation x =
        expectation(
            "s1",
            "2001:db8::1",
            "2001:DB8:0::2",
            "EPSV",
            true,
            0,
            new HostPort("2001:db8::2", 6446),
            Direction.DOWNLOAD,
            sec(10),
            sec(11),
            sec(12));
    ConnectionFacts c =
        connection("2001:DB8:0:0:0:0:0:1", 51000, "2001:db8::2", 6446, true, sec(10.5));

    assertThat(matcher.match(List.of(x), List.of(c))).hasSize(1);
  }

  @Test
  void theResultDoesNotDependOnInputOrder() {
    List<Expectation> expectations = new ArrayList<>();
    List<ConnectionFacts> connections = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      HostPort port = new HostPort(SERVER, 50000 + i % 3);
      expectations.add(
          passive(i, port, Direction.DOWNLOAD, sec(i * 10), sec(i * 10 + 1), sec(i * 10 + 2)));
      connections.add(
          connection(CLIENT, 51000 + i, SERVER, 50000 + i % 3, i % 2 == 0, sec(i * 10 + 0.5)));
    }
    List<DataChannelAssignment> expected = matcher.match(expectations, connections);
    Collections.reverse(expectations);
    Collections.shuffle(connections, new Random(42));

    assertThat(matcher.match(expectations, connections)).isEqualTo(expected).hasSize(20);
  }
}
