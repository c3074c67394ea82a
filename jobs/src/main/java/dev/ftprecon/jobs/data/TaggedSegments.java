package dev.ftprecon.jobs.data;

import dev.ftprecon.capture.CaptureRecord;
import dev.ftprecon.jobs.input.ScanRows;
import dev.ftprecon.jobs.input.SegmentRows;
import dev.ftprecon.packet.TcpSegment;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;

/**
 * The second pass's view of the data channels: a segment sent by the sending end of an assigned
 * connection becomes a {@link DataSegmentSchema} row tagged with its transfer and assembly bin,
 * carrying a pointer to its payload (the bytes themselves only when they cannot be re-read where
 * they lie). Pure acknowledgements (no payload, no SYN, FIN or RST) say nothing about the stream
 * and are left out. A port test rejects other traffic before any address is turned into text.
 */
final class TaggedSegments implements SegmentRows {
  private static final long serialVersionUID = 1L;
  private static final int FIN = TcpSegment.FIN;
  private static final int STREAM_FLAGS = TcpSegment.FIN | TcpSegment.SYN | TcpSegment.RST;

  private final Broadcast<Map<ConnectionKey, DataAssignment>> assigned;
  private final Broadcast<Map<Integer, Integer>> binOf;
  private final Set<Integer> senderPorts;

  /** The last answer per port pair, kept with its addresses (see {@link #assignment}). */
  private transient Map<Integer, Answer> answers;

  private record Answer(byte[] src, byte[] dst, DataAssignment assignment) {}

  TaggedSegments(
      Broadcast<Map<ConnectionKey, DataAssignment>> assigned,
      Broadcast<Map<Integer, Integer>> binOf,
      Map<ConnectionKey, DataAssignment> assignments) {
    this.assigned = assigned;
    this.binOf = binOf;
    Set<Integer> ports = new HashSet<>();
    assignments.values().forEach(a -> ports.add(a.senderPort()));
    this.senderPorts = Set.copyOf(ports);
  }

  @Override
  public void add(
      int fileId, CaptureRecord record, TcpSegment s, boolean seekable, Consumer<InternalRow> out) {
    if (!senderPorts.contains(s.srcPort())
        || (s.payloadLength() == 0 && (s.flags() & STREAM_FLAGS) == 0)) {
      return;
    }
    String srcIp = s.srcIp();
    DataAssignment a =
        assigned.value().get(ConnectionKey.of(srcIp, s.srcPort(), s.dstIp(), s.dstPort()));
    if (a == null || !a.sentBy(srcIp, s.srcPort())) {
      return;
    }
    int bin = binOf.value().get(a.transfer());
    int flags = s.flags();
    boolean truncated = s.truncated();
    out.accept(
        new GenericInternalRow(
            new Object[] {
              a.transfer(),
              record.timestampNanos(),
              fileId,
              record.recordOffset(),
              ScanRows.payloadPosition(record, s, seekable),
              s.seq(),
              truncated ? flags & ~FIN : flags,
              s.payloadLength(),
              truncated,
              ScanRows.inlinePayload(record, s, seekable),
              bin
            }));
    if (truncated && (flags & FIN) != 0) {
      // A FIN on a segment the snap length cut short becomes a row of its own at the sequence
      // number after the whole payload (RFC 9293 §3.4: the FIN occupies the number after the last
      // data byte), so the stream's end stays known.
      out.accept(
          new GenericInternalRow(
              new Object[] {
                a.transfer(),
                record.timestampNanos(),
                fileId,
                record.recordOffset(),
                -1L,
                (s.seq() + s.payloadClaimedLength()) & 0xFFFFFFFFL,
                FIN,
                0,
                false,
                null,
                bin
              }));
    }
  }

  /**
   * The assignment whose sender sent {@code s}, or null. A connection's segments come in long runs:
   * the answer for the last addresses seen on the same port pair is reused when the address bytes
   * are equal, so addresses become text once per run, not once per segment.
   */
  private DataAssignment assignment(TcpSegment s) {
    if (answers == null) {
      answers = new HashMap<>();
    }
    int ports = (s.srcPort() << 16) | s.dstPort();
    Answer last = answers.get(ports);
    if (last != null
        && Arrays.equals(last.src, 0, last.src.length, s.srcAddress(), 0, s.addressLength())
        && Arrays.equals(last.dst, 0, last.dst.length, s.dstAddress(), 0, s.addressLength())) {
      return last.assignment;
    }
    String srcIp = s.srcIp();
    DataAssignment a =
        assigned.value().get(ConnectionKey.of(srcIp, s.srcPort(), s.dstIp(), s.dstPort()));
    if (a != null && !a.sentBy(srcIp, s.srcPort())) {
      a = null;
    }
    answers.put(
        ports,
        new Answer(
            Arrays.copyOf(s.srcAddress(), s.addressLength()),
            Arrays.copyOf(s.dstAddress(), s.addressLength()),
            a));
    return a;
  }
}
