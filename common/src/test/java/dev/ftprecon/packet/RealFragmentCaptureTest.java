package dev.ftprecon.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The capture of real kernel-made fragments ({@code testdata/fragments/ip-fragments.pcap}, made by
 * {@code scripts/make-fragment-capture.sh}): an FTP download whose IPv4 data segments a router cut
 * into three fragments each, a 6in4 TCP transfer whose outer IPv4 packets were fragmented (and some
 * inner IPv6 packets carry Fragment headers too), and IPv6 UDP datagrams fragmented by their
 * sender. Checked against tshark's own reassembly and against the sha256 of the files sent.
 */
class RealFragmentCaptureTest {
  private static final Path TSHARK = Path.of("/usr/bin/tshark");
  private static final Path REPO_ROOT = Path.of(System.getProperty("ftprecon.repoRoot", ".."));
  private static final Path CAPTURE = REPO_ROOT.resolve("testdata/fragments/ip-fragments.pcap");
  private static final Path SHA256 = REPO_ROOT.resolve("testdata/fragments/ip-fragments.sha256");

  /** What we decode: one line per TCP segment, in tshark's field order, and the streams. */
  private static final class Decoded {
    final List<String> segments = new ArrayList<>();
    final Map<String, TreeMap<Long, byte[]>> streams = new LinkedHashMap<>();
    final Map<String, Long> initialSequence = new LinkedHashMap<>();
    long reassembledSegments;
    FragmentStats stats;
  }

  private static Decoded decodeCapture() throws Exception {
    Decoded result = new Decoded();
    PacketDecoder decoder =
        CaptureWalk.tcpSegments(
            CAPTURE,
            (reader, r, s, status) -> {
              assertThat(s.reassembled()).isEqualTo(status == DecodeStatus.TCP_REASSEMBLED);
              if (s.reassembled()) {
                result.reassembledSegments++;
              }
              result.segments.add(
                  String.join(
                      "\t",
                      Long.toString(reader.records()),
                      Integer.toString(s.srcPort()),
                      Integer.toString(s.dstPort()),
                      Long.toString(s.seq()),
                      Integer.toString(s.payloadClaimedLength()),
                      String.format("0x%04x", s.flags())));
              String flow = s.srcIp() + "." + s.srcPort() + ">" + s.dstIp() + "." + s.dstPort();
              if ((s.flags() & TcpSegment.SYN) != 0) {
                result.initialSequence.put(flow, s.seq() + 1);
              }
              if (s.payloadLength() > 0) {
                result
                    .streams
                    .computeIfAbsent(flow, f -> new TreeMap<>())
                    .putIfAbsent(s.seq(), s.copyPayload(r.buffer(), r.bufferOffset()));
              }
            });
    result.stats = decoder.fragmentStats();
    return result;
  }

  @Test
  void everyTcpSegmentMatchesTsharksReassemblyFrameByFrame() throws Exception {
    assumeTrue(Files.isExecutable(TSHARK), "tshark not installed at " + TSHARK);
    List<String> expected =
        tshark(
            "-o",
            "ip.defragment:TRUE",
            "-o",
            "ipv6.defragment:TRUE",
            "-Y",
            "tcp && !icmp",
            "-T",
            "fields",
            "-e",
            "frame.number",
            "-e",
            "tcp.srcport",
            "-e",
            "tcp.dstport",
            "-e",
            "tcp.seq_raw",
            "-e",
            "tcp.len",
            "-e",
            "tcp.flags");
    Decoded ours = decodeCapture();
    assertThat(ours.segments).containsExactlyElementsOf(expected);
    // Frames where tshark completed a datagram, counted per IP layer (a 6in4 frame may complete
    // an outer IPv4 and an inner IPv6 datagram at once).
    List<String> completions =
        tshark(
            "-Y",
            "ip.fragment.count || ipv6.fragment.count",
            "-T",
            "fields",
            "-e",
            "ip.fragment.count",
            "-e",
            "ipv6.fragment.count");
    long tsharkReassembled = 0;
    for (String line : completions) {
      for (String count : line.split("\t", -1)) {
        tsharkReassembled += count.isEmpty() ? 0 : count.split(",").length;
      }
    }
    assertThat(tsharkReassembled).isGreaterThan(80);
    assertThat(ours.stats.reassembled()).isEqualTo(tsharkReassembled);
  }

  @Test
  void bothTransfersThroughFragmentsAreByteExact() throws Exception {
    Decoded ours = decodeCapture();
    Map<String, String> digests = new TreeMap<>();
    for (Map.Entry<String, TreeMap<Long, byte[]>> stream : ours.streams.entrySet()) {
      Long isn = ours.initialSequence.get(stream.getKey());
      if (isn == null || stream.getKey().endsWith(".21") || stream.getKey().contains(".21>")) {
        continue; // the control connection
      }
      digests.put(stream.getKey(), sha256(concatenate(stream.getValue(), isn)));
    }
    Map<String, String> expected = new TreeMap<>();
    for (String line : Files.readAllLines(SHA256, StandardCharsets.US_ASCII)) {
      String[] parts = line.split("\\s+");
      expected.put(parts[1], parts[0]);
    }
    assertThat(digests.values())
        .containsExactlyInAnyOrder(
            expected.get("fragmented-ipv4.bin"), expected.get("fragmented-6in4.bin"));
    assertThat(ours.reassembledSegments).isGreaterThan(60);
    FragmentStats stats = ours.stats;
    assertThat(stats.overlaps()).isZero();
    assertThat(stats.duplicates()).isZero();
    assertThat(stats.pending()).isZero();
    assertThat(stats.expired()).isZero();
    assertThat(stats.malformedFragments()).isZero();
  }

  /** Payloads in sequence order from the initial sequence number, wrapping at 2^32. */
  private static byte[] concatenate(TreeMap<Long, byte[]> bySeq, long isn) {
    TreeMap<Long, byte[]> byOffset = new TreeMap<>();
    bySeq.forEach((seq, bytes) -> byOffset.put((seq - isn) & 0xFFFF_FFFFL, bytes));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long next = 0;
    for (Map.Entry<Long, byte[]> e : byOffset.entrySet()) {
      assertThat(e.getKey()).as("stream offset").isEqualTo(next);
      out.writeBytes(e.getValue());
      next += e.getValue().length;
    }
    return out.toByteArray();
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static List<String> tshark(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(TSHARK.toString(), "-n", "-r"));
    command.add(CAPTURE.toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String text;
    try (InputStream in = p.getInputStream()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(p.waitFor()).as("tshark exit status").isZero();
    return text.isEmpty() ? List.of() : List.of(text.split("\n"));
  }
}
