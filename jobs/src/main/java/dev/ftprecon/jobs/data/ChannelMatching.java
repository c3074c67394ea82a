package dev.ftprecon.jobs.data;

import dev.ftprecon.ftp.ConnectionFacts;
import dev.ftprecon.ftp.DataChannelAssignment;
import dev.ftprecon.ftp.DataChannelMatcher;
import dev.ftprecon.ftp.Expectation;
import dev.ftprecon.ftp.ExpectedDataChannel;
import dev.ftprecon.ftp.HostPort;
import dev.ftprecon.jobs.control.SessionExpectation;
import dev.ftprecon.output.SafeNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;

/**
 * Ties data connections to the transfers announced on control channels. Transfer number i is the
 * i-th expectation in the (deterministically sorted) list; the core's matcher decides which
 * connection serves which transfer, from per-connection facts only.
 */
public final class ChannelMatching {
  /** Files are written under OUT/files/. */
  public static final String FILES_DIR = "files";

  private final List<SessionExpectation> expectations;
  private final long expiryNanos;
  private final Map<ConnectionKey, DataAssignment> assignments = new HashMap<>();
  private final Map<Integer, DataAssignment> byTransfer = new TreeMap<>();

  /** {@code expiryNanos}: see {@link dev.ftprecon.ftp.FtpLimits#channelExpiryNanos()}. */
  public ChannelMatching(List<SessionExpectation> expectations, long expiryNanos) {
    this.expectations = expectations;
    this.expiryNanos = expiryNanos;
  }

  /** Endpoints ("ip|port") a data connection of some transfer may use. */
  public Set<String> endpoints() {
    Set<String> endpoints = new TreeSet<>();
    for (SessionExpectation e : expectations) {
      HostPort announced = e.channel().announced();
      endpoints.add(ConnectionKey.endpoint(announced.ip(), announced.port()));
      // NAT or a lying server: the connection goes to the control peer's address instead.
      String peer = e.channel().passive() ? e.serverIp() : e.clientIp();
      endpoints.add(ConnectionKey.endpoint(peer, announced.port()));
    }
    return endpoints;
  }

  /** Runs the matcher over the facts gathered by {@code DataChannels.connectionFacts}. */
  public void match(List<Row> factRows) {
    List<Expectation> wanted = new ArrayList<>(expectations.size());
    Map<String, Integer> transferOf = new HashMap<>();
    for (int i = 0; i < expectations.size(); i++) {
      SessionExpectation e = expectations.get(i);
      wanted.add(new Expectation(e.sessionId(), e.clientIp(), e.serverIp(), e.channel()));
      transferOf.put(key(e.sessionId(), e.channel().ordinal()), i);
    }
    List<ConnectionFacts> facts = new ArrayList<>(factRows.size());
    Set<ConnectionKey> reset = new HashSet<>();
    Map<ConnectionKey, Long> payloadBytes = new HashMap<>();
    for (Row r : factRows) {
      ConnectionFacts f = facts(r);
      facts.add(f);
      ConnectionKey key = ConnectionKey.of(f.aIp(), f.aPort(), f.bIp(), f.bPort());
      if (r.getAs("rst_ns") != null) {
        reset.add(key);
      }
      payloadBytes.put(key, r.<Long>getAs(DataChannels.PAYLOAD_BYTES));
    }
    for (DataChannelAssignment a :
        new DataChannelMatcher(DataChannelMatcher.DEFAULT_SLACK_NANOS, expiryNanos)
            .match(wanted, facts)) {
      int transfer =
          transferOf.get(key(a.expectation().sessionId(), a.expectation().channel().ordinal()));
      HostPort sender = DataChannelMatcher.dataSender(a);
      HostPort receiver = DataChannelMatcher.dataReceiver(a);
      ConnectionFacts c = a.connection();
      ConnectionKey key = ConnectionKey.of(c.aIp(), c.aPort(), c.bIp(), c.bPort());
      DataAssignment assignment =
          new DataAssignment(
              transfer,
              sender.ip(),
              sender.port(),
              receiver.ip(),
              receiver.port(),
              reset.contains(key),
              payloadBytes.getOrDefault(key, 0L));
      assignments.put(key, assignment);
      byTransfer.put(transfer, assignment);
    }
  }

  private static String key(String sessionId, int ordinal) {
    return sessionId + "#" + ordinal;
  }

  private static ConnectionFacts facts(Row r) {
    String aIp = r.getAs(DataChannels.A_IP);
    int aPort = r.<Integer>getAs(DataChannels.A_PORT);
    String bIp = r.getAs(DataChannels.B_IP);
    int bPort = r.<Integer>getAs(DataChannels.B_PORT);
    Long aSyn = r.getAs("a_syn_ns");
    Long bSyn = r.getAs("b_syn_ns");
    long first = r.<Long>getAs("first_ns");
    long last = r.<Long>getAs("last_ns");
    if (bSyn != null && (aSyn == null || bSyn < aSyn)) {
      return new ConnectionFacts(bIp, bPort, aIp, aPort, true, first, last);
    }
    return new ConnectionFacts(aIp, aPort, bIp, bPort, aSyn != null, first, last);
  }

  public Map<ConnectionKey, DataAssignment> assignments() {
    return assignments;
  }

  public DataAssignment assignment(int transfer) {
    return byTransfer.get(transfer);
  }

  /** Deterministic: the same session and ordinal give the same id in every run. */
  public String transferId(int transfer) {
    SessionExpectation e = expectations.get(transfer);
    return SafeNames.transferId("transfer", e.sessionId(), Integer.toString(e.channel().ordinal()));
  }

  /** File of each transfer that has a data connection, relative to OUT. */
  public Map<Integer, String> fileNames() {
    Map<Integer, String> names = new HashMap<>();
    for (int transfer : byTransfer.keySet()) {
      ExpectedDataChannel ch = expectations.get(transfer).channel();
      String name = ch.path().isEmpty() ? ch.command().toLowerCase() : ch.path();
      names.put(transfer, FILES_DIR + "/" + SafeNames.fileName(transferId(transfer), name));
    }
    return names;
  }
}
