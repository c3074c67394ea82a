package dev.ftprecon.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftprecon.packet.CaptureWalk;
import dev.ftprecon.packet.IpAddressFormatter;
import dev.ftprecon.tcp.SegmentLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The segment logs a table keeps ({@code samples/multi-transfer-session-epsv-ipv4-pureftpd-curl
 * .pcapng}): each direction's segments that carry stream, in capture order, exactly as read; and no
 * logs at all once one of them could not be complete.
 */
class DirectionTableLogsTest {
  private static final Path CAPTURE =
      Path.of(System.getProperty("ftprecon.repoRoot", ".."))
          .resolve("samples/multi-transfer-session-epsv-ipv4-pureftpd-curl.pcapng");

  private static String name(byte[] src, int srcPort, byte[] dst, int dstPort) {
    return IpAddressFormatter.format(src)
        + ":"
        + srcPort
        + ">"
        + IpAddressFormatter.format(dst)
        + ":"
        + dstPort;
  }

  /** What the table logged per direction, and whether it says its logs are complete. */
  private record Logged(Map<String, List<String>> logs, boolean complete, int handedOn) {}

  /**
   * Scans the capture into a table; the segment numbered {@code unreadable} among those with
   * payload (none when negative) is made one whose payload cannot be re-read. {@code expected},
   * when given, gets every direction's segments that carry stream as read.
   */
  private static Logged scan(
      int maxDirections, long budget, int unreadable, Map<String, List<String>> expected)
      throws Exception {
    Map<String, List<String>> logs = new HashMap<>();
    int[] handedOn = {0};
    DirectionTable table =
        new DirectionTable(
            maxDirections,
            budget,
            (k, f) -> {
              handedOn[0]++;
              if (f.log() == null) {
                return;
              }
              List<String> read = new ArrayList<>();
              SegmentLog.Reader r = new SegmentLog.Reader(f.log().toBytes(), f.log().count());
              while (r.next()) {
                SegmentLog.Segment s = r.segment();
                read.add(line(s.seq, s.len, s.flags, s.ts, s.record, s.payloadPos));
              }
              logs.put(name(k.srcAddress(), k.srcPort(), k.dstAddress(), k.dstPort()), read);
            });
    int[] withPayload = {0};
    CaptureWalk.tcpSegments(
        CAPTURE,
        (reader, r, s, status) -> {
          long payloadPos = r.dataOffset() + s.payloadOffset();
          if (s.payloadLength() > 0 && withPayload[0]++ == unreadable) {
            payloadPos = -1;
          }
          if (expected != null && StreamSegments.carriesStream(s)) {
            expected
                .computeIfAbsent(
                    name(
                        Arrays.copyOf(s.srcAddress(), s.addressLength()),
                        s.srcPort(),
                        Arrays.copyOf(s.dstAddress(), s.addressLength()),
                        s.dstPort()),
                    n -> new ArrayList<>())
                .add(
                    line(
                        s.seq(),
                        s.payloadLength(),
                        s.flags(),
                        r.timestampNanos(),
                        r.recordOffset(),
                        payloadPos));
          }
          table.see(s, r.timestampNanos(), 0, r.recordOffset(), payloadPos);
        });
    table.flush();
    return new Logged(logs, table.logsComplete(), handedOn[0]);
  }

  private static String line(long seq, int len, int flags, long ts, long record, long pos) {
    return seq + " " + len + " " + flags + " " + ts + " " + record + " " + pos;
  }

  @Test
  void eachDirectionsLogHoldsItsStreamSegmentsInCaptureOrder() throws Exception {
    Map<String, List<String>> expected = new HashMap<>();
    Logged logged = scan(DirectionTable.DEFAULT_MAX_DIRECTIONS, 16 << 20, -1, expected);
    assertThat(logged.complete()).isTrue();
    assertThat(expected).hasSizeGreaterThanOrEqualTo(8); // a control and three data connections
    assertThat(logged.logs()).isEqualTo(expected);
  }

  @Test
  void aPayloadThatCannotBeReReadDropsEveryLog() throws Exception {
    Map<String, List<String>> directions = new HashMap<>();
    Logged logged = scan(DirectionTable.DEFAULT_MAX_DIRECTIONS, 16 << 20, 40, directions);
    assertThat(logged.complete()).isFalse();
    assertThat(logged.logs()).isEmpty();
    assertThat(logged.handedOn()).isEqualTo(directions.size());
  }

  @Test
  void logsOutgrowingTheirBudgetAreDropped() throws Exception {
    Logged logged = scan(DirectionTable.DEFAULT_MAX_DIRECTIONS, 4096, -1, null);
    assertThat(logged.complete()).isFalse();
    assertThat(logged.logs()).isEmpty();
  }

  @Test
  void aTableEmptiedBeforeTheEndKeepsNoLogs() throws Exception {
    Map<String, List<String>> directions = new HashMap<>();
    Logged logged = scan(2, 16 << 20, -1, directions);
    assertThat(logged.complete()).isFalse();
    assertThat(logged.logs()).isEmpty();
    assertThat(logged.handedOn()).isGreaterThan(directions.size());
  }

  @Test
  void noBudgetNoLogs() throws Exception {
    Logged logged = scan(DirectionTable.DEFAULT_MAX_DIRECTIONS, 0, -1, null);
    assertThat(logged.complete()).isFalse();
    assertThat(logged.logs()).isEmpty();
  }
}
