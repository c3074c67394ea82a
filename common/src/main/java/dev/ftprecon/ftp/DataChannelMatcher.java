package dev.ftprecon.ftp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Assigns captured TCP connections to expected data channels; pure and deterministic (the result
 * does not depend on the order of the inputs). Each connection carries at most one channel and each
 * channel at most one connection.
 *
 * <p>A connection fits a <b>passive</b> channel when one end has the announced port and either the
 * announced address or the control server's (NAT: servers behind NAT announce their private address
 * while clients connect to the public one), and the other end is the control client. It fits an
 * <b>active</b> channel when one end is the announced endpoint, or has the announced port at the
 * control client's address (a client behind NAT announcing its private address), and the other end
 * is the control server. When the SYN was seen, the initiator must be the client side for passive
 * and the server side for active channels.
 *
 * <p>Time: the connection must open no earlier than the mode command and no later than the final
 * reply to the transfer command, both widened by a slack, and no later than the channel expiry
 * after the transfer command ({@link FtpLimits#channelExpiryNanos()}): an announcement never
 * connected, or whose reply is not in the captures, does not wait forever. Clients open the passive
 * connection right after PASV, often before the transfer command (Zeek's retr.pcap opens the EPSV
 * connection after SIZE and before RETR).
 *
 * <p>Channels are served in order of their transfer commands, each taking the earliest-opening
 * unassigned connection that fits; so a passive port that a server announces again and again over
 * days maps each time to the connection that followed that announcement.
 */
public final class DataChannelMatcher {

  /**
   * Slack on both ends of a channel's time window: clock skew between capture points and the few
   * round trips between a reply and the connection it triggers.
   */
  public static final long DEFAULT_SLACK_NANOS = 2_000_000_000L;

  private static final Comparator<Expectation> BY_COMMAND_TIME =
      Comparator.comparingLong((Expectation x) -> x.channel().commandNanos())
          .thenComparing(Expectation::sessionId)
          .thenComparingInt(x -> x.channel().ordinal())
          .thenComparingLong(x -> x.channel().modeNanos());

  private final long slackNanos;
  private final long expiryNanos;

  public DataChannelMatcher() {
    this(DEFAULT_SLACK_NANOS);
  }

  public DataChannelMatcher(long slackNanos) {
    this(slackNanos, FtpLimits.DEFAULT_CHANNEL_EXPIRY_NANOS);
  }

  public DataChannelMatcher(long slackNanos, long expiryNanos) {
    if (slackNanos < 0) {
      throw new IllegalArgumentException("slack must not be negative: " + slackNanos);
    }
    if (expiryNanos < 1) {
      throw new IllegalArgumentException("expiry must be positive: " + expiryNanos);
    }
    this.slackNanos = slackNanos;
    this.expiryNanos = expiryNanos;
  }

  /** The assignments made, in the order the channels were served (by transfer command time). */
  public List<DataChannelAssignment> match(
      List<Expectation> expectations, List<ConnectionFacts> connections) {
    List<Expectation> ordered = new ArrayList<>(expectations);
    ordered.sort(BY_COMMAND_TIME);
    ConnectionsByPort index = new ConnectionsByPort(connections);
    List<DataChannelAssignment> assignments = new ArrayList<>();
    for (Expectation expectation : ordered) {
      ExpectedDataChannel channel = expectation.channel();
      long from = saturatedAdd(channel.modeNanos(), -slackNanos);
      long expires =
          saturatedAdd(
              saturatedAdd(Math.max(channel.modeNanos(), channel.commandNanos()), expiryNanos),
              slackNanos);
      long to =
          channel.finalReplyNanos() == ExpectedDataChannel.NO_FINAL_REPLY
              ? expires
              : Math.min(expires, saturatedAdd(channel.finalReplyNanos(), slackNanos));
      index
          .takeEarliest(channel.announced().port(), from, to, facts -> fit(expectation, facts))
          .ifPresent(assignments::add);
    }
    return assignments;
  }

  /** The end that sends the data: the server for downloads and listings, the client for uploads. */
  public static HostPort dataSender(DataChannelAssignment assignment) {
    return assignment.expectation().channel().direction().serverSends()
        ? assignment.serverSide()
        : assignment.clientSide();
  }

  /** The end that receives the data. */
  public static HostPort dataReceiver(DataChannelAssignment assignment) {
    return assignment.expectation().channel().direction().serverSends()
        ? assignment.clientSide()
        : assignment.serverSide();
  }

  /** Tries the orientation in which a initiated first: that is how callers usually orient. */
  private static Optional<DataChannelAssignment> fit(Expectation x, ConnectionFacts c) {
    boolean passive = x.channel().passive();
    HostPort a = c.a();
    HostPort b = c.b();
    HostPort initiatorFirstServer = passive ? b : a;
    HostPort initiatorFirstClient = passive ? a : b;
    if (fits(x, initiatorFirstServer, initiatorFirstClient)) {
      return Optional.of(
          new DataChannelAssignment(x, c, initiatorFirstServer, initiatorFirstClient));
    }
    // The other orientation makes b the initiator, which a seen SYN from a rules out.
    if (!c.aInitiated() && fits(x, initiatorFirstClient, initiatorFirstServer)) {
      return Optional.of(
          new DataChannelAssignment(x, c, initiatorFirstClient, initiatorFirstServer));
    }
    return Optional.empty();
  }

  private static boolean fits(Expectation x, HostPort serverSide, HostPort clientSide) {
    HostPort announced = x.channel().announced();
    if (x.channel().passive()) {
      return serverSide.port() == announced.port()
          && (serverSide.ip().equals(announced.ip()) || serverSide.ip().equals(x.controlServerIp()))
          && clientSide.ip().equals(x.controlClientIp());
    }
    return clientSide.port() == announced.port()
        && (clientSide.ip().equals(announced.ip()) || clientSide.ip().equals(x.controlClientIp()))
        && serverSide.ip().equals(x.controlServerIp());
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    if (((a ^ sum) & (b ^ sum)) < 0) {
      return b < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return sum;
  }
}
