package dev.ftprecon.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftprecon.packet.CaptureWalk;
import dev.ftprecon.packet.IpAddressFormatter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Direction facts of a real session ({@code samples/multi-transfer-session-epsv-ipv4-pureftpd-curl
 * .pcapng}: one control connection, three data connections): payload bytes and segment counts per
 * direction equal tshark's own per-packet fields summed, the greeting is seen on the server's side
 * only, and a table too small for the capture (flushed again and again) merges into the same facts.
 */
class DirectionTableTest {
  private static final Path REPO_ROOT = Path.of(System.getProperty("ftprecon.repoRoot", ".."));
  private static final Path CAPTURE =
      REPO_ROOT.resolve("samples/multi-transfer-session-epsv-ipv4-pureftpd-curl.pcapng");

  private static String name(DirectionKey k) {
    return IpAddressFormatter.format(k.srcAddress())
        + ":"
        + k.srcPort()
        + ">"
        + IpAddressFormatter.format(k.dstAddress())
        + ":"
        + k.dstPort();
  }

  /** Facts per direction, merged from whatever the table handed out. */
  private static Map<String, DirectionFacts> scan(int maxDirections) throws Exception {
    Map<String, DirectionFacts> merged = new TreeMap<>();
    DirectionTable table =
        new DirectionTable(
            maxDirections,
            (k, f) -> merged.computeIfAbsent(name(k), n -> new DirectionFacts(0)).merge(f));
    CaptureWalk.tcpSegments(
        CAPTURE,
        (reader, r, s, status) -> {
          int at = r.bufferOffset() + s.payloadOffset();
          int head =
              s.payloadLength() >= 4 && !s.reassembled()
                  ? ((r.buffer()[at] & 0xFF) << 24)
                      | ((r.buffer()[at + 1] & 0xFF) << 16)
                      | ((r.buffer()[at + 2] & 0xFF) << 8)
                      | (r.buffer()[at + 3] & 0xFF)
                  : 0;
          table.see(s, r.timestampNanos(), head);
        });
    table.flush();
    return merged;
  }

  @Test
  void payloadBytesAndSegmentsPerDirectionEqualTsharks() throws Exception {
    Process p =
        new ProcessBuilder(
                "tshark",
                "-r",
                CAPTURE.toString(),
                "-Y",
                "tcp",
                "-T",
                "fields",
                "-E",
                "separator=,",
                "-e",
                "ip.src",
                "-e",
                "tcp.srcport",
                "-e",
                "ip.dst",
                "-e",
                "tcp.dstport",
                "-e",
                "tcp.len")
            .redirectErrorStream(false)
            .start();
    Map<String, long[]> expected = new TreeMap<>();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        String[] f = line.split(",");
        long[] e =
            expected.computeIfAbsent(f[0] + ":" + f[1] + ">" + f[2] + ":" + f[3], k -> new long[2]);
        e[0] += Long.parseLong(f[4]);
        e[1]++;
      }
    }
    assertThat(p.waitFor()).isZero();
    Map<String, DirectionFacts> facts = scan(DirectionTable.DEFAULT_MAX_DIRECTIONS);
    assertThat(facts.keySet()).isEqualTo(expected.keySet());
    facts.forEach(
        (k, f) -> {
          assertThat(f.payloadBytes()).as(k).isEqualTo(expected.get(k)[0]);
          assertThat(f.segments()).as(k).isEqualTo(expected.get(k)[1]);
        });
    List<String> greeted =
        facts.entrySet().stream()
            .filter(e -> e.getValue().greeting())
            .map(Map.Entry::getKey)
            .toList();
    assertThat(greeted).hasSize(1).allMatch(k -> k.contains(":21>"));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5})
  void aTableFlushedEarlyMergesIntoTheSameFacts(int maxDirections) throws Exception {
    Map<String, DirectionFacts> whole = scan(DirectionTable.DEFAULT_MAX_DIRECTIONS);
    Map<String, DirectionFacts> pieces = scan(maxDirections);
    assertThat(pieces.keySet()).isEqualTo(whole.keySet());
    whole.forEach(
        (k, f) -> {
          DirectionFacts g = pieces.get(k);
          assertThat(
                  List.of(
                      g.firstNanos(),
                      g.lastNanos(),
                      g.synNanos(),
                      g.rstNanos(),
                      g.payloadBytes(),
                      g.segments(),
                      g.firstPayloadNanos(),
                      (long) g.firstPayloadHead()))
              .as(k)
              .isEqualTo(
                  List.of(
                      f.firstNanos(),
                      f.lastNanos(),
                      f.synNanos(),
                      f.rstNanos(),
                      f.payloadBytes(),
                      f.segments(),
                      f.firstPayloadNanos(),
                      (long) f.firstPayloadHead()));
          assertThat(g.greeting()).isEqualTo(f.greeting());
        });
  }
}
