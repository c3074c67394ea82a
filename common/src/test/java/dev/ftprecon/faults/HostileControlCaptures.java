package dev.ftprecon.faults;

import dev.ftprecon.faults.ControlStreamEdit.Segment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes {@code testdata/hostile/control/}: one capture per hostile control-channel behaviour, each
 * a real sample session whose control bytes are rewritten or extended by {@link ControlStreamEdit}
 * (sequence numbers and acknowledgements kept consistent, checksums fixed). The data connections
 * are untouched, so each capture still carries the sample's file. Next to them, {@code
 * hostile-control.expected.json}: per capture, the file's size and sha256 (from testdata/expected/,
 * i.e. the original file), the data connection's client port, and the session anomalies that follow
 * from what was inserted here and from RFC 959 (a reply line starts with a 3-digit code, §4.2; a
 * command is a 3-4 letter verb, §5.3.1), counted by this generator.
 *
 * <ul>
 *   <li>{@code endless-line}: before PASV the client sends {@code NOOP } and {@value
 *       #ENDLESS_BYTES} bytes before its CRLF; the server answers 500.
 *   <li>{@code pasv-flood}: before the real PASV, {@value #FLOOD_PASV} PASV/227 pairs announcing
 *       ports 20000 and up, none connected; after every tenth, a RETR answered 425 (no data
 *       connection, RFC 959 §5.4), {@value #FLOOD_REFUSED} in all.
 *   <li>{@code pipelined}: PASV, TYPE I, SIZE and RETR in one client segment before any reply.
 *   <li>{@code garbage-lines}: after the 230, the server sends {@value #GARBAGE_REPLIES} lines
 *       without a reply code and the client one line that is not a command.
 *   <li>{@code ftp-bounce}: an active download whose PORT names 198.51.100.7 (RFC 5737 TEST-NET-2),
 *       a third party, instead of the client (RFC 2577 §3).
 * </ul>
 *
 * <p>So that one run can take all five captures, capture k is moved k hours later and, when its
 * control connection announces no client port (all but the PORT session), its client ports are
 * moved up by 2k: no two sessions share a connection or a data channel's time window.
 *
 * <p>Usage: {@code HostileControlCaptures <repo-root> <output-dir>}
 * (scripts/make-hostile-captures.sh). Deterministic to the byte; HostileControlCapturesTest checks
 * the committed files.
 */
public final class HostileControlCaptures {
  static final String COMMITTED_DIR = "testdata/hostile/control";
  static final String EXPECTED = "hostile-control.expected.json";

  static final int ENDLESS_BYTES = 3 * 1024 * 1024;
  static final int FLOOD_PASV = 5000;
  static final int FLOOD_REFUSED = FLOOD_PASV / 10;
  static final int FLOOD_FIRST_PORT = 20_000;

  /** The --max-channels the IT runs pasv-flood with: well under the refused transfers. */
  static final int FLOOD_MAX_CHANNELS = 100;

  static final int GARBAGE_REPLIES = 3;

  /** FtpLimits.DEFAULT_MAX_LINE_BYTES, the cap the IT runs with. */
  static final int MAX_LINE_BYTES = 16_384;

  static final String BOUNCE_TARGET = "198,51,100,7";

  private static final long SPACING_NANOS = 20_000;
  private static final long HOUR_NANOS = 3_600L * 1_000_000_000L;

  private HostileControlCaptures() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: HostileControlCaptures <repo-root> <output-dir>");
      System.exit(2);
    }
    for (Path file : generate(Path.of(args[0]), Path.of(args[1]))) {
      System.out.printf("%9d %s%n", Files.size(file), file);
    }
  }

  /** One capture: its name, source sample, edit and the anomalies it must cause. */
  private record Scenario(
      String name,
      String sample,
      ControlStreamEdit.Rule rule,
      Map<String, Long> anomalies,
      Map<String, Object> extra) {}

  static List<Path> generate(Path repoRoot, Path outDir) throws IOException {
    Files.createDirectories(outDir);
    List<Path> written = new ArrayList<>();
    StringBuilder json = new StringBuilder("{\n  \"captures\": [\n");
    List<Scenario> scenarios = scenarios();
    for (int i = 0; i < scenarios.size(); i++) {
      Scenario s = scenarios.get(i);
      FaultSource source = FaultSource.load(repoRoot, s.sample());
      ExpectedTransfer t = source.transfer();
      TcpFrame user = firstUserCommand(source);
      ControlStreamEdit edit =
          new ControlStreamEdit(user.srcAddress(), user.srcPort(), SPACING_NANOS);
      CountingRule counting = new CountingRule(s.rule());
      List<Packet> packets = edit.apply(source.packets(), counting);
      SourceCapture.require(counting.hits > 0, s.name() + ": the edit matched nothing");
      int portOffset = s.extra().containsKey("announced_address_differs") ? 0 : 2 * i;
      packets = relocate(packets, user.srcAddress(), portOffset, i * HOUR_NANOS);
      Path pcap = outDir.resolve(s.name() + ".pcap");
      FaultGenerator.writeCapture(pcap, packets);
      written.add(pcap);
      json.append("    {\"capture\": \"").append(COMMITTED_DIR).append('/').append(s.name());
      json.append(".pcap\", \"source\": \"").append(s.sample());
      json.append("\",\n     \"control_client_port\": ").append(user.srcPort() + portOffset);
      json.append(", \"path\": \"").append(t.path());
      json.append("\", \"bytes\": ").append(t.bytes());
      json.append(", \"sha256\": \"").append(t.sha256()).append("\",\n     \"anomalies\": {");
      String sep = "";
      for (Map.Entry<String, Long> a : new TreeMap<>(s.anomalies()).entrySet()) {
        json.append(sep).append('"').append(a.getKey()).append("\": ").append(a.getValue());
        sep = ", ";
      }
      json.append('}');
      for (Map.Entry<String, Object> e : new TreeMap<>(s.extra()).entrySet()) {
        json.append(", \"").append(e.getKey()).append("\": ");
        Object v = e.getValue();
        json.append(v instanceof String ? "\"" + v + "\"" : String.valueOf(v));
      }
      json.append(i + 1 < scenarios.size() ? "},\n" : "}\n");
    }
    json.append("  ]\n}\n");
    Path expected = outDir.resolve(EXPECTED);
    Files.writeString(expected, json, StandardCharsets.UTF_8);
    written.add(expected);
    return written;
  }

  private static List<Scenario> scenarios() {
    String small = Samples.SMALL_IPV4_DOWNLOAD;
    List<Scenario> all = new ArrayList<>();
    all.add(
        new Scenario(
            "endless-line",
            small,
            (fromClient, payload) ->
                fromClient && payload.equals("PASV\r\n")
                    ? List.of(
                        Segment.client("NOOP " + "A".repeat(ENDLESS_BYTES) + "\r\n"),
                        Segment.server("500 Syntax error, command unrecognized.\r\n"),
                        Segment.client(payload))
                    : null,
            Map.of("line longer than " + MAX_LINE_BYTES + " bytes", 1L),
            Map.of()));
    all.add(
        new Scenario(
            "pasv-flood",
            small,
            (fromClient, payload) -> fromClient && payload.equals("PASV\r\n") ? flood() : null,
            // The refused transfers fill the cap; the rest are dropped, and the real transfer
            // takes the place of the oldest refused one (SessionState evicts those first).
            Map.of(
                "data channel not kept (maxChannels)",
                (long) (FLOOD_REFUSED - FLOOD_MAX_CHANNELS + 1)),
            Map.of("max_channels", FLOOD_MAX_CHANNELS, "refused_transfers", FLOOD_REFUSED)));
    List<String> folded = List.of("TYPE I\r\n", "SIZE index.bin\r\n", "RETR index.bin\r\n");
    all.add(
        new Scenario(
            "pipelined",
            small,
            (fromClient, payload) -> {
              if (!fromClient) {
                return null;
              }
              if (payload.equals("PASV\r\n")) {
                return List.of(Segment.client(payload + String.join("", folded)));
              }
              return folded.contains(payload) ? List.of() : null;
            },
            Map.of(),
            Map.of("transfer_type", "I", "expected_bytes", 2048)));
    all.add(
        new Scenario(
            "garbage-lines",
            small,
            (fromClient, payload) ->
                !fromClient && payload.startsWith("230 ")
                    ? List.of(
                        Segment.server(payload),
                        Segment.server("hello from a middlebox\r\n"),
                        Segment.server("\u0000\u0001\u0002\u0003\r\n"),
                        Segment.server("2x0 almost a code\r\n"),
                        Segment.client("\u0016\u0003\u0001 not a command\r\n"))
                    : null,
            Map.of(
                "reply line without a 3-digit code",
                (long) GARBAGE_REPLIES,
                "client line is not a 3-4 letter command",
                1L),
            Map.of()));
    all.add(
        new Scenario(
            "ftp-bounce",
            "samples/port-download-ipv4-pureftpd-curl.pcap",
            (fromClient, payload) ->
                fromClient && payload.startsWith("PORT 192,0,2,2,")
                    ? List.of(
                        Segment.client(
                            "PORT " + BOUNCE_TARGET + payload.substring("PORT 192,0,2,2".length())))
                    : null,
            Map.of("active mode address is not the control client (FTP bounce)", 1L),
            Map.of("announced_address_differs", true)));
    return all;
  }

  private static List<Segment> flood() {
    List<Segment> segments = new ArrayList<>();
    for (int i = 0; i < FLOOD_PASV; i++) {
      int port = FLOOD_FIRST_PORT + i;
      segments.add(Segment.client("PASV\r\n"));
      segments.add(
          Segment.server(
              "227 Entering passive mode (192,0,2,1," + port / 256 + "," + port % 256 + ").\r\n"));
      if (i % 10 == 9) {
        segments.add(Segment.client("RETR missing-" + i + ".bin\r\n"));
        segments.add(Segment.server("425 Can't open data connection.\r\n"));
      }
    }
    segments.add(Segment.client("PASV\r\n"));
    return segments;
  }

  /** Moves every packet {@code nanos} later and the client's ports up by {@code portOffset}. */
  private static List<Packet> relocate(
      List<Packet> packets, byte[] clientIp, int portOffset, long nanos) {
    List<Packet> out = new ArrayList<>(packets.size());
    for (Packet p : packets) {
      Packet moved = p.at(p.timestampNanos() + nanos).copy();
      TcpFrame tcp = moved.tcp();
      if (tcp != null && portOffset != 0) {
        if (Arrays.equals(tcp.srcAddress(), clientIp)) {
          tcp.setSrcPort(tcp.srcPort() + portOffset);
        }
        if (Arrays.equals(tcp.dstAddress(), clientIp)) {
          tcp.setDstPort(tcp.dstPort() + portOffset);
        }
      }
      out.add(moved);
    }
    return out;
  }

  /** The control client's first command: its source is the control connection's client end. */
  private static TcpFrame firstUserCommand(FaultSource source) {
    for (Packet p : source.packets()) {
      TcpFrame tcp = p.tcp();
      if (tcp != null
          && tcp.payloadLength() >= 5
          && new String(tcp.frame(), tcp.payloadOffset(), 5, StandardCharsets.US_ASCII)
              .equals("USER ")) {
        return tcp;
      }
    }
    throw new IllegalStateException(source.capture().path() + ": no USER command");
  }

  /** Counts how many segments a rule replaced, so that a rule matching nothing fails loudly. */
  private static final class CountingRule implements ControlStreamEdit.Rule {
    private final ControlStreamEdit.Rule rule;
    private int hits;

    CountingRule(ControlStreamEdit.Rule rule) {
      this.rule = rule;
    }

    @Override
    public List<Segment> replace(boolean fromClient, String payload) {
      List<Segment> r = rule.replace(fromClient, payload);
      if (r != null) {
        hits++;
      }
      return r;
    }
  }
}
