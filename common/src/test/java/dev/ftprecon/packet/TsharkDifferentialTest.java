package dev.ftprecon.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ftprecon.capture.CaptureFormat;
import dev.ftprecon.capture.CaptureReader;
import dev.ftprecon.capture.CaptureReaders;
import dev.ftprecon.capture.CaptureRecord;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Reads every pcap/pcapng file of the shared corpus with our reader and decoder and compares each
 * frame with what tshark reports: timestamp and lengths for every frame; addresses, ports, raw
 * sequence and acknowledgment numbers, flags and payload length for every TCP segment.
 *
 * <p>Skipped when tshark or the corpus is absent. The corpus is {@code ../../shared/corpus/public}
 * from the module directory unless the system property {@code ftprecon.corpus} names another.
 *
 * <p>Known, deliberate differences, counted rather than compared:
 *
 * <ul>
 *   <li>ICMP errors quote the IP and TCP header of the packet they report; tshark dissects the
 *       quoted TCP header, we report the frame as NOT_TCP (it carries no TCP payload).
 *   <li>With reassembly off tshark still dissects the TCP header in a first IP fragment; we report
 *       FRAGMENT and leave reassembly to a later stage.
 * </ul>
 */
class TsharkDifferentialTest {
  private static final Path TSHARK = Path.of("/usr/bin/tshark");
  private static final Path DEFAULT_CORPUS = Path.of("../../shared/corpus/public");
  private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

  private static final AtomicLong FILES = new AtomicLong();
  private static final AtomicLong FRAMES = new AtomicLong();
  private static final AtomicLong TCP_COMPARED = new AtomicLong();
  private static final AtomicLong ICMP_QUOTED = new AtomicLong();
  private static final AtomicLong FRAGMENTS = new AtomicLong();
  private static final AtomicLong MALFORMED_BOTH = new AtomicLong();

  @TestFactory
  Stream<DynamicTest> agreesWithTsharkOnEveryFrameOfTheCorpus() throws IOException {
    assumeTrue(Files.isExecutable(TSHARK), "tshark not installed at " + TSHARK);
    Path corpus = Path.of(System.getProperty("ftprecon.corpus", DEFAULT_CORPUS.toString()));
    assumeTrue(Files.isDirectory(corpus), "no corpus at " + corpus.toAbsolutePath());
    List<Path> captures;
    try (Stream<Path> files = Files.walk(corpus)) {
      captures = files.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : captures) {
      if (isPcapOrPcapng(file)) {
        tests.add(DynamicTest.dynamicTest(corpus.relativize(file).toString(), () -> compare(file)));
      }
    }
    assertThat(tests).as("captures in " + corpus).isNotEmpty();
    return tests.stream();
  }

  @AfterAll
  static void reportTotals() {
    System.out.printf(
        "tshark differential: %d files, %d frames, %d TCP segments compared; not compared: %d"
            + " ICMP-quoted TCP headers, %d IP fragments, %d TCP headers both find malformed%n",
        FILES.get(),
        FRAMES.get(),
        TCP_COMPARED.get(),
        ICMP_QUOTED.get(),
        FRAGMENTS.get(),
        MALFORMED_BOTH.get());
  }

  private static InputStream open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
  }

  /** Netmon and other formats share the corpus; only what our readers claim is compared. */
  private static boolean isPcapOrPcapng(Path file) throws IOException {
    try (InputStream in = open(file)) {
      byte[] head = in.readNBytes(CaptureFormat.DETECT_BYTES);
      return CaptureFormat.detect(head, head.length).isPresent();
    } catch (java.util.zip.ZipException notGzip) {
      return false;
    }
  }

  private static void compare(Path file) throws Exception {
    List<TsharkFrame> expected = TsharkFrame.dissect(TSHARK, file);
    List<String> differences = new ArrayList<>();
    PacketDecoder decoder = new PacketDecoder();
    TcpSegment segment = new TcpSegment();
    int index = 0;
    try (CaptureReader reader = CaptureReaders.open(open(file))) {
      while (reader.next()) {
        CaptureRecord r = reader.record();
        if (index >= expected.size()) {
          differences.add("we read frame " + (index + 1) + ", tshark stopped at " + index);
          break;
        }
        TsharkFrame t = expected.get(index++);
        DecodeStatus status =
            decoder.decode(
                r.linkType(),
                r.buffer(),
                r.bufferOffset(),
                r.capturedLength(),
                r.originalLength(),
                segment);
        compareFrame(t, r, status, decoder.lastAnomaly(), segment, differences);
      }
      assertThat(reader.damage()).as("damage in " + file).isEmpty();
    }
    assertThat(index).as("frames read from " + file).isEqualTo(expected.size());
    FILES.incrementAndGet();
    FRAMES.addAndGet(index);
    assertThat(differences).as("differences from tshark in " + file).isEmpty();
  }

  private static void compareFrame(
      TsharkFrame t,
      CaptureRecord r,
      DecodeStatus status,
      String anomaly,
      TcpSegment s,
      List<String> differences) {
    String at = "frame " + t.number() + ": ";
    long tsharkNanos = t.timeEpoch().multiply(NANOS_PER_SECOND).longValueExact();
    check(differences, at + "timestamp", tsharkNanos, r.timestampNanos());
    check(differences, at + "frame.len", t.length(), r.originalLength());
    check(differences, at + "frame.cap_len", t.capturedLength(), (long) r.capturedLength());
    if (t.tcp() && t.icmp()) {
      ICMP_QUOTED.incrementAndGet();
      return;
    }
    if (t.tcp() && status == DecodeStatus.FRAGMENT) {
      FRAGMENTS.incrementAndGet();
      return;
    }
    if (t.tcp() && t.tcpLen().isEmpty() && status == DecodeStatus.MALFORMED) {
      // tshark gave up inside the TCP header (no tcp.len) after showing the ports: malformed
      // for both.
      MALFORMED_BOTH.incrementAndGet();
      return;
    }
    if (t.tcp() != (status == DecodeStatus.TCP)) {
      differences.add(
          at
              + "tshark tcp="
              + t.tcp()
              + ", we "
              + status
              + (anomaly.isEmpty() ? "" : ": " + anomaly));
      return;
    }
    if (!t.tcp()) {
      return;
    }
    boolean v6 = s.ipVersion() == 6;
    check(differences, at + "src", last(v6 ? t.ipv6Src() : t.ipSrc()), s.srcIp());
    check(differences, at + "dst", last(v6 ? t.ipv6Dst() : t.ipDst()), s.dstIp());
    check(differences, at + "srcport", first(t.srcPort()), Integer.toString(s.srcPort()));
    check(differences, at + "dstport", first(t.dstPort()), Integer.toString(s.dstPort()));
    check(differences, at + "seq_raw", first(t.seqRaw()), Long.toString(s.seq()));
    check(differences, at + "ack_raw", first(t.ackRaw()), Long.toString(s.ack()));
    check(differences, at + "flags", Integer.decode(first(t.flags())) & 0xFF, s.flags());
    check(
        differences, at + "tcp.len", first(t.tcpLen()), Integer.toString(s.payloadClaimedLength()));
    int presentExpected =
        Math.min(s.payloadClaimedLength(), r.capturedLength() - s.payloadOffset());
    check(differences, at + "payload present", presentExpected, s.payloadLength());
    TCP_COMPARED.incrementAndGet();
  }

  private static String first(List<String> values) {
    return values.isEmpty() ? "" : values.get(0);
  }

  /** In a tunnel tshark lists the outer address first; we report the innermost. */
  private static String last(List<String> values) {
    return values.isEmpty() ? "" : values.get(values.size() - 1);
  }

  private static void check(List<String> differences, String what, Object tshark, Object ours) {
    if (!tshark.equals(ours)) {
      differences.add(what + " tshark=" + tshark + " ours=" + ours);
    }
  }
}
