package dev.ftprecon.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ftprecon.ftp.ConnectionFacts;
import dev.ftprecon.ftp.DataChannelAssignment;
import dev.ftprecon.ftp.DataChannelMatcher;
import dev.ftprecon.ftp.Direction;
import dev.ftprecon.ftp.Expectation;
import dev.ftprecon.ftp.ExpectedDataChannel;
import dev.ftprecon.ftp.FtpLimits;
import dev.ftprecon.ftp.HostPort;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link DataChannelMatcher#match} on arbitrary expectations and connections drawn from a small
 * pool of addresses, ports and times, so that many of them compete. Contract (its class comment):
 * at most one connection per expectation and one expectation per connection; every assignment fits
 * (ports, addresses, initiator, time window); channels are served in transfer-command order, each
 * taking the earliest-opening fitting connection still free; and the result does not depend on the
 * order of the inputs.
 *
 * <p>Input layout: one byte choosing the slack and the channel expiry, then records until the input
 * ends, each starting with a byte whose bit 0 says expectation or connection. Expectation: session
 * byte (bit 0) and flags (bit 1 passive, bits 2-3 direction), announced address and port bytes,
 * three two-byte times (mode, command after mode, final reply after command; 0xFFFF meaning none).
 * Connection: two address bytes, two port bytes, a flags byte (bit 0: a initiated), two two-byte
 * times.
 */
class DataChannelMatcherFuzzTest {
  private static final String[] IPS = {
    "192.0.2.10", "198.51.100.21", "10.0.0.5", "2001:db8::10", "2001:db8::21", "::ffff:10.0.0.5"
  };
  private static final int[] PORTS = {20, 21, 1024, 50_000, 50_001, 65_535};
  private static final String[][] SESSIONS = {
    {"192.0.2.10", "198.51.100.21"}, {"2001:db8::10", "2001:db8::21"}
  };
  private static final long[] SLACKS = {
    0, 1, 1_000_000, DataChannelMatcher.DEFAULT_SLACK_NANOS, Long.MAX_VALUE
  };
  private static final long[] EXPIRIES = {
    1, 1_000_000_000L, 30_000_000_000L, FtpLimits.DEFAULT_CHANNEL_EXPIRY_NANOS
  };
  private static final long EPOCH = 1_700_000_000_000_000_000L;
  private static final long MILLI = 1_000_000L;
  private static final int MAX_RECORDS = 64;

  @FuzzTest(maxDuration = "4s")
  void match(byte[] input) throws Exception {
    Watchdog.run(() -> check(input));
  }

  private void check(byte[] input) {
    FuzzBytes in = new FuzzBytes(input);
    int window = in.u8();
    long slack = SLACKS[window % SLACKS.length];
    long expiry = EXPIRIES[window / SLACKS.length % EXPIRIES.length];
    List<Expectation> expectations = new ArrayList<>();
    List<ConnectionFacts> connections = new ArrayList<>();
    int[] ordinals = new int[SESSIONS.length];
    while (in.hasMore() && expectations.size() + connections.size() < MAX_RECORDS) {
      if ((in.u8() & 1) == 0) {
        int session = in.u8() & 1;
        expectations.add(expectation(in, session, ordinals[session]++));
      } else {
        connections.add(connection(in));
      }
    }
    DataChannelMatcher matcher = new DataChannelMatcher(slack, expiry);
    List<DataChannelAssignment> assignments = matcher.match(expectations, connections);
    checkAssignments(assignments, expectations, connections, slack, expiry);

    List<Expectation> otherExpectations = new ArrayList<>(expectations);
    List<ConnectionFacts> otherConnections = new ArrayList<>(connections);
    Collections.reverse(otherExpectations);
    Collections.rotate(otherConnections, input.length);
    assertThat(matcher.match(otherExpectations, otherConnections))
        .as("assignments whatever the order of the inputs")
        .isEqualTo(assignments);
  }

  private static Expectation expectation(FuzzBytes in, int session, int ordinal) {
    int flags = in.u8();
    boolean passive = (flags & 2) != 0;
    Direction direction = Direction.values()[((flags >>> 2) & 3) % Direction.values().length];
    HostPort announced = new HostPort(IPS[in.u8() % IPS.length], PORTS[in.u8() % PORTS.length]);
    long mode = EPOCH + in.u16() * MILLI;
    long command = mode + in.u16() * MILLI;
    int reply = in.u16();
    long finalReply =
        reply == 0xFFFF ? ExpectedDataChannel.NO_FINAL_REPLY : command + reply * MILLI;
    String verb =
        switch (direction) {
          case DOWNLOAD -> "RETR";
          case UPLOAD -> "STOR";
          case LISTING -> "LIST";
        };
    ExpectedDataChannel channel =
        new ExpectedDataChannel(
            ordinal,
            verb,
            "f" + ordinal,
            "/f" + ordinal,
            passive ? "PASV" : "PORT",
            passive,
            announced,
            false,
            false,
            null,
            "I",
            0,
            mode,
            command,
            finalReply,
            finalReply == ExpectedDataChannel.NO_FINAL_REPLY ? 0 : 226,
            "",
            -1,
            direction,
            null,
            false);
    String[] endpoints = SESSIONS[session];
    return new Expectation("session-" + session, endpoints[0], endpoints[1], channel);
  }

  private static ConnectionFacts connection(FuzzBytes in) {
    String aIp = IPS[in.u8() % IPS.length];
    String bIp = IPS[in.u8() % IPS.length];
    int aPort = PORTS[in.u8() % PORTS.length];
    int bPort = PORTS[in.u8() % PORTS.length];
    boolean aInitiated = in.bool();
    long first = EPOCH + in.u16() * MILLI;
    long last = first + in.u16() * MILLI;
    return new ConnectionFacts(aIp, aPort, bIp, bPort, aInitiated, first, last);
  }

  private static void checkAssignments(
      List<DataChannelAssignment> assignments,
      List<Expectation> expectations,
      List<ConnectionFacts> connections,
      long slack,
      long expiry) {
    Map<Expectation, Integer> servedAt = new IdentityHashMap<>();
    Map<ConnectionFacts, Integer> takenAt = new IdentityHashMap<>();
    Set<Expectation> inputExpectations = Collections.newSetFromMap(new IdentityHashMap<>());
    inputExpectations.addAll(expectations);
    Set<ConnectionFacts> inputConnections = Collections.newSetFromMap(new IdentityHashMap<>());
    inputConnections.addAll(connections);
    for (int i = 0; i < assignments.size(); i++) {
      DataChannelAssignment a = assignments.get(i);
      assertThat(inputExpectations)
          .as("assigned expectation is an input")
          .contains(a.expectation());
      assertThat(inputConnections).as("assigned connection is an input").contains(a.connection());
      if (servedAt.put(a.expectation(), i) != null) {
        fail("expectation assigned twice: %s", a.expectation());
      }
      if (takenAt.put(a.connection(), i) != null) {
        fail("connection assigned twice: %s", a.connection());
      }
      if (i > 0) {
        assertThat(commandNanos(assignments.get(i - 1).expectation()))
            .as("channels served in command order")
            .isLessThanOrEqualTo(commandNanos(a.expectation()));
      }
      checkFit(a, slack, expiry);
    }
    // Greedy: a fitting connection that opened earlier than the one taken (or any fitting one, for
    // an expectation left without) must have gone to a channel served before.
    for (Expectation x : expectations) {
      Integer served = servedAt.get(x);
      int turn = served == null ? Integer.MAX_VALUE : served;
      long chosenOpening =
          served == null ? Long.MAX_VALUE : assignments.get(served).connection().firstNanos();
      for (ConnectionFacts c : connections) {
        if (c.firstNanos() >= chosenOpening || orientation(x, c, slack, expiry) == null) {
          continue;
        }
        Integer taken = takenAt.get(c);
        if (taken == null || taken > turn) {
          fail(
              "expectation %s%nleft %s unassigned%nthough it fits, opened earlier and was free",
              x, c);
        }
      }
    }
  }

  private static long commandNanos(Expectation x) {
    return x.channel().commandNanos();
  }

  private static void checkFit(DataChannelAssignment a, long slack, long expiry) {
    HostPort[] sides = orientation(a.expectation(), a.connection(), slack, expiry);
    assertThat(sides).as("assignment %s fits", a).isNotNull();
    HostPort server = a.serverSide();
    HostPort client = a.clientSide();
    ConnectionFacts c = a.connection();
    assertThat(List.of(server, client)).containsExactlyInAnyOrder(c.a(), c.b());
    assertThat(fits(a.expectation(), server, client)).as("assignment %s fits", a).isTrue();
    if (c.aInitiated()) {
      HostPort initiatorSide = a.expectation().channel().passive() ? client : server;
      assertThat(initiatorSide).as("a seen SYN fixes the initiator").isEqualTo(c.a());
    }
    boolean serverSends = a.expectation().channel().direction().serverSends();
    assertThat(DataChannelMatcher.dataSender(a)).isEqualTo(serverSends ? server : client);
    assertThat(DataChannelMatcher.dataReceiver(a)).isEqualTo(serverSends ? client : server);
  }

  /** The orientation (server side, client side) in which c fits x, or null; time included. */
  private static HostPort[] orientation(Expectation x, ConnectionFacts c, long slack, long expiry) {
    ExpectedDataChannel ch = x.channel();
    long from = saturatedAdd(ch.modeNanos(), -slack);
    // Open by the final reply (if any) and by the expiry after the transfer command, with slack.
    long expires =
        saturatedAdd(saturatedAdd(Math.max(ch.modeNanos(), ch.commandNanos()), expiry), slack);
    long to =
        ch.finalReplyNanos() == ExpectedDataChannel.NO_FINAL_REPLY
            ? expires
            : Math.min(expires, saturatedAdd(ch.finalReplyNanos(), slack));
    if (c.firstNanos() < from || c.firstNanos() > to) {
      return null;
    }
    // a initiated: passive means a is the client side, active means a is the server side.
    HostPort server = ch.passive() ? c.b() : c.a();
    HostPort client = ch.passive() ? c.a() : c.b();
    if (fits(x, server, client)) {
      return new HostPort[] {server, client};
    }
    if (!c.aInitiated() && fits(x, client, server)) {
      return new HostPort[] {client, server};
    }
    return null;
  }

  private static boolean fits(Expectation x, HostPort server, HostPort client) {
    HostPort announced = x.channel().announced();
    if (x.channel().passive()) {
      return server.port() == announced.port()
          && (server.ip().equals(announced.ip()) || server.ip().equals(x.controlServerIp()))
          && client.ip().equals(x.controlClientIp());
    }
    return client.port() == announced.port()
        && (client.ip().equals(announced.ip()) || client.ip().equals(x.controlClientIp()))
        && server.ip().equals(x.controlServerIp());
  }

  private static long saturatedAdd(long a, long b) {
    try {
      return Math.addExact(a, b);
    } catch (ArithmeticException overflow) {
      return b < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }
}
