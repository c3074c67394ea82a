package dev.ftprecon.packet;

import dev.ftprecon.capture.CaptureDamage;
import dev.ftprecon.capture.CaptureReader;
import dev.ftprecon.capture.CaptureReaders;
import dev.ftprecon.capture.CaptureRecord;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Test helper: reads a capture with our reader and decoder and compares every frame with tshark's
 * dissection of the same file: timestamp and lengths of every frame; addresses, ports, raw sequence
 * and acknowledgment numbers, flags and payload length of every TCP segment.
 *
 * <p>Known, deliberate differences are counted instead of compared:
 *
 * <ul>
 *   <li>ICMP errors quote the IP and TCP header of the packet they report; tshark dissects the
 *       quoted TCP header, we report the frame as NOT_TCP (it carries no TCP payload of its own).
 *   <li>With reassembly off tshark still dissects the TCP ports in a first IP fragment; we report
 *       FRAGMENT and leave reassembly to a later stage.
 *   <li>A broken TCP header (data offset below 5, or shorter than 20 bytes within the IP length):
 *       tshark shows the fields it could read, and either no {@code tcp.len} or a {@code
 *       tcp.hdr_len} below 20; we report MALFORMED. Counted as agreement only in that case.
 * </ul>
 *
 * In a tunnel (6in4, IP-in-IP) tshark lists every IP header's address; we report the innermost, so
 * the last one of our IP version is compared.
 */
final class FrameComparison {
  private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);
  private static final int MIN_TCP_HEADER = 20;

  final List<String> differences = new ArrayList<>();
  long frames;
  long tcpCompared;
  long icmpQuoted;
  long fragments;
  long malformedForBoth;
  Optional<CaptureDamage> damage = Optional.empty();

  static FrameComparison run(InputStream capture, List<TsharkFrame> expected) throws Exception {
    FrameComparison c = new FrameComparison();
    PacketDecoder decoder = new PacketDecoder();
    TcpSegment segment = new TcpSegment();
    try (CaptureReader reader = CaptureReaders.open(capture)) {
      while (reader.next()) {
        CaptureRecord r = reader.record();
        if (c.frames >= expected.size()) {
          c.differences.add("we read frame " + (c.frames + 1) + ", tshark has " + expected.size());
          break;
        }
        TsharkFrame t = expected.get((int) c.frames++);
        DecodeStatus status =
            decoder.decode(
                r.linkType(),
                r.buffer(),
                r.bufferOffset(),
                r.capturedLength(),
                r.originalLength(),
                segment);
        c.compare(t, r, status, decoder.lastAnomaly(), segment);
      }
      c.damage = reader.damage();
    }
    if (c.frames < expected.size()) {
      c.differences.add("we read " + c.frames + " frames, tshark has " + expected.size());
    }
    return c;
  }

  private void compare(
      TsharkFrame t, CaptureRecord r, DecodeStatus status, String anomaly, TcpSegment s) {
    String at = "frame " + t.number() + ": ";
    check(at + "frame.number", (long) t.number(), frames);
    long tsharkNanos = t.timeEpoch().multiply(NANOS_PER_SECOND).longValueExact();
    check(at + "timestamp", tsharkNanos, r.timestampNanos());
    check(at + "frame.len", t.length(), r.originalLength());
    check(at + "frame.cap_len", t.capturedLength(), (long) r.capturedLength());
    if (t.tcp() && t.icmp() && status == DecodeStatus.NOT_TCP) {
      icmpQuoted++;
      return;
    }
    if (t.tcp() && status == DecodeStatus.FRAGMENT) {
      fragments++;
      return;
    }
    if (t.tcp() && status == DecodeStatus.MALFORMED && tsharkFindsTcpHeaderBroken(t)) {
      malformedForBoth++;
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
    check(at + "src", last(v6 ? t.ipv6Src() : t.ipSrc()), s.srcIp());
    check(at + "dst", last(v6 ? t.ipv6Dst() : t.ipDst()), s.dstIp());
    check(at + "srcport", first(t.srcPort()), Integer.toString(s.srcPort()));
    check(at + "dstport", first(t.dstPort()), Integer.toString(s.dstPort()));
    check(at + "seq_raw", first(t.seqRaw()), Long.toString(s.seq()));
    check(at + "ack_raw", first(t.ackRaw()), Long.toString(s.ack()));
    check(at + "flags", Integer.decode(first(t.flags())) & 0xFF, s.flags());
    check(at + "tcp.len", first(t.tcpLen()), Integer.toString(s.payloadClaimedLength()));
    int present =
        Math.max(0, Math.min(s.payloadClaimedLength(), r.capturedLength() - s.payloadOffset()));
    check(at + "payload present", present, s.payloadLength());
    tcpCompared++;
  }

  private static boolean tsharkFindsTcpHeaderBroken(TsharkFrame t) {
    return t.tcpLen().isEmpty()
        || (!t.tcpHeaderLength().isEmpty()
            && Integer.parseInt(first(t.tcpHeaderLength())) < MIN_TCP_HEADER);
  }

  private static String first(List<String> values) {
    return values.isEmpty() ? "" : values.get(0);
  }

  private static String last(List<String> values) {
    return values.isEmpty() ? "" : values.get(values.size() - 1);
  }

  private void check(String what, Object tshark, Object ours) {
    if (!tshark.equals(ours)) {
      differences.add(what + " tshark=" + tshark + " ours=" + ours);
    }
  }
}
