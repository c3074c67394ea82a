package dev.ftprecon.faults;

import dev.ftprecon.packet.TcpSegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rewrites the byte streams of one control connection of a real capture while keeping TCP
 * consistent: a client or server segment chosen by its payload is replaced by any number of
 * segments of either side (none removes it), each at most {@value #MSS} bytes, with the sequence
 * numbers continuing where that side's stream stood, and every later segment of the connection
 * moved by the change in length (its sequence number on the side that changed, its acknowledgement
 * on the other). Inserted segments are {@link #spacingNanos} apart; every later packet of the
 * capture, of any connection, is moved by the time they take, so capture order and the relative
 * timing of the rest stay as recorded. Checksums are fixed when the capture is written ({@link
 * FaultGenerator#writeCapture}).
 */
final class ControlStreamEdit {
  static final int MSS = 1448;

  /** One segment to emit: which side sends it and its payload. */
  record Segment(boolean fromClient, byte[] payload) {
    static Segment client(String text) {
      return new Segment(true, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    static Segment server(String text) {
      return new Segment(false, text.getBytes(StandardCharsets.ISO_8859_1));
    }
  }

  /** Chooses a segment by side and payload and says what replaces it (null: keep it). */
  interface Rule {
    List<Segment> replace(boolean fromClient, String payload);
  }

  private final byte[] clientIp;
  private final int clientPort;
  private final long spacingNanos;

  ControlStreamEdit(byte[] clientIp, int clientPort, long spacingNanos) {
    this.clientIp = clientIp.clone();
    this.clientPort = clientPort;
    this.spacingNanos = spacingNanos;
  }

  List<Packet> apply(List<Packet> packets, Rule rule) {
    long[] seqDelta = new long[2]; // [0] server side, [1] client side
    long[] streamEnd = new long[2];
    TcpFrame[] template = new TcpFrame[2];
    long timeShift = 0;
    List<Packet> out = new ArrayList<>();
    for (Packet original : packets) {
      Packet packet = original.at(original.timestampNanos() + timeShift);
      TcpFrame tcp = packet.tcp();
      int side = sideOf(tcp);
      if (side < 0) {
        out.add(packet);
        continue;
      }
      String payload =
          new String(
              tcp.frame(), tcp.payloadOffset(), tcp.payloadLength(), StandardCharsets.ISO_8859_1);
      List<Segment> replacement =
          tcp.payloadLength() == 0 ? null : rule.replace(side == 1, payload);
      if (replacement == null) {
        Packet moved = packet.copy();
        TcpFrame t = moved.tcp();
        t.setSeq((t.seq() + seqDelta[side]) & 0xFFFFFFFFL);
        if (t.has(TcpSegment.ACK)) {
          t.setAck((t.ack() + seqDelta[1 - side]) & 0xFFFFFFFFL);
        }
        if (t.payloadLength() > 0 || t.has(TcpSegment.SYN)) {
          template[side] = t;
        }
        streamEnd[side] = (t.seq() + t.payloadLength()) & 0xFFFFFFFFL;
        if (t.has(TcpSegment.SYN)) {
          streamEnd[side] = (streamEnd[side] + 1) & 0xFFFFFFFFL;
        }
        out.add(moved);
        continue;
      }
      // The replaced segment's bytes are gone from its side's stream.
      streamEnd[side] = (tcp.seq() + seqDelta[side]) & 0xFFFFFFFFL;
      seqDelta[side] -= tcp.payloadLength();
      template[side] = tcp;
      long time = packet.timestampNanos();
      int emitted = 0;
      for (Segment s : replacement) {
        int from = s.fromClient() ? 1 : 0;
        SourceCapture.require(template[from] != null, "no segment of that side to copy yet");
        for (int off = 0; off < s.payload().length; off += MSS) {
          int len = Math.min(MSS, s.payload().length - off);
          TcpFrame part = template[from].withPayload(streamEnd[from], s.payload(), off, len);
          part.setFlags(TcpSegment.ACK | TcpSegment.PSH);
          part.setAck(streamEnd[1 - from]);
          out.add(Packet.whole(time + emitted * spacingNanos, part.frame()));
          emitted++;
          streamEnd[from] = (streamEnd[from] + len) & 0xFFFFFFFFL;
          seqDelta[from] += len;
        }
      }
      timeShift += Math.max(0, emitted - 1) * spacingNanos;
    }
    return out;
  }

  /** 1 client, 0 server, -1 not this control connection. */
  private int sideOf(TcpFrame tcp) {
    if (tcp == null) {
      return -1;
    }
    if (Arrays.equals(tcp.srcAddress(), clientIp) && tcp.srcPort() == clientPort) {
      return 1;
    }
    if (Arrays.equals(tcp.dstAddress(), clientIp) && tcp.dstPort() == clientPort) {
      return 0;
    }
    return -1;
  }
}
