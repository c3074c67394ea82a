package dev.ftprecon.jobs.data;

import dev.ftprecon.capture.CaptureRecord;
import dev.ftprecon.flow.StreamSegments;
import dev.ftprecon.jobs.input.ReplayableSegmentRows;
import dev.ftprecon.jobs.input.ScanRows;
import dev.ftprecon.jobs.source.CaptureSplit;
import dev.ftprecon.packet.TcpSegment;
import dev.ftprecon.tcp.PointerRun;
import dev.ftprecon.tcp.SegmentLog;
import dev.ftprecon.tcp.SequenceUnwrapper;
import dev.ftprecon.tcp.SpanChain;
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
 * connection becomes a pointer to its payload (the bytes themselves only when they cannot be
 * re-read where they lie) with its 64-bit stream offset. Pointers of one transfer that follow each
 * other in the split's capture order are packed into runs ({@link PointerRun}), shipped as {@link
 * DataSegmentSchema} rows tagged with their transfer and assembly bin: a run ends where the next
 * segment would sort before the last one, after {@link #MAX_RUN_SEGMENTS}, at a payload carried
 * whole, and with the split. Pure acknowledgements say nothing about the stream and are left out
 * ({@link StreamSegments}). A port test rejects other traffic before any address is turned into
 * text.
 *
 * <p>Offsets: each split resumes the unwrapping of each transfer's sequence numbers where the first
 * pass's spans, chained in capture order, say that one sequential unwrapper would be there ({@link
 * DirectionSpans}); within the split, segments come in capture order. So every segment gets the
 * offset a single pass over all of them would give, and the rows need only one sort.
 *
 * <p>The same spans tell which splits hold an assigned sender's segments: the pass reads only those
 * ({@link #reads}). Over an archive in which FTP data is rare, most splits, and most files, are
 * read once, by the first pass.
 */
final class TaggedSegments implements ReplayableSegmentRows {
  private static final long serialVersionUID = 1L;
  private static final int FIN = TcpSegment.FIN;

  /**
   * Segments per run at most: the assembly holds every run that overlaps the offset it is at (one
   * for a stream sent in order), about ten bytes per segment each; 4,096 full-size segments are 6
   * MB of stream, so a 10 GiB transfer is under 2,000 rows.
   */
  static final int MAX_RUN_SEGMENTS = 4096;

  private final Broadcast<Map<ConnectionKey, DataAssignment>> assigned;
  private final Broadcast<Map<Integer, Integer>> binOf;
  private final Broadcast<Map<DirectionSpans.SplitKey, SpanChain.Start>> starts;
  private final Set<Integer> senderPorts;

  /** The segment being read, as {@link #stream} takes it (one object, refilled). */
  private transient SegmentLog.Segment read;

  /** The last answer per port pair, kept with its addresses (see {@link #assignment}). */
  private transient Map<Integer, Answer> answers;

  /** The split being read, and where each transfer's unwrapping stands in it. */
  private transient int splitCapture;

  private transient long splitStart = -1;
  private transient Map<Integer, Unwrapping> unwrapping;

  /** The splits the first pass saw an assigned sender's stream in; made on the driver. */
  private transient Set<SplitAt> sendersSplits;

  private record Answer(byte[] src, byte[] dst, DataAssignment assignment) {}

  private record SplitAt(int capture, long start) {}

  /**
   * One transfer's offsets in the current split, the highest payload end reached, and its open run
   * of pointers.
   */
  private static final class Unwrapping {
    final int transfer;
    final int bin;
    final SequenceUnwrapper unwrapper;
    final PointerRun.Writer run = new PointerRun.Writer();
    long highestEnd;

    Unwrapping(int transfer, int bin, SpanChain.Start start) {
      this.transfer = transfer;
      this.bin = bin;
      unwrapper = new SequenceUnwrapper(start.baseSeq(), start.highestStart());
      highestEnd = start.highestEnd();
    }
  }

  TaggedSegments(
      Broadcast<Map<ConnectionKey, DataAssignment>> assigned,
      Broadcast<Map<Integer, Integer>> binOf,
      Broadcast<Map<DirectionSpans.SplitKey, SpanChain.Start>> starts,
      Map<ConnectionKey, DataAssignment> assignments) {
    this.assigned = assigned;
    this.binOf = binOf;
    this.starts = starts;
    Set<Integer> ports = new HashSet<>();
    assignments.values().forEach(a -> ports.add(a.senderPort()));
    this.senderPorts = Set.copyOf(ports);
  }

  @Override
  public void add(
      int fileId,
      long splitStart,
      CaptureRecord record,
      TcpSegment s,
      boolean seekable,
      Consumer<InternalRow> out) {
    if (!senderPorts.contains(s.srcPort()) || !StreamSegments.carriesStream(s)) {
      return;
    }
    DataAssignment a = assignment(s);
    if (a == null) {
      return;
    }
    if (read == null) {
      read = new SegmentLog.Segment();
    }
    read.seq = s.seq();
    read.len = s.payloadLength();
    read.flags = s.flags();
    read.truncated = s.truncated();
    read.claimedLen = s.payloadClaimedLength();
    read.ts = record.timestampNanos();
    read.record = record.recordOffset();
    read.payloadPos = ScanRows.payloadPosition(record, s, seekable);
    stream(a, fileId, splitStart, read, ScanRows.inlinePayload(record, s, seekable), out);
  }

  @Override
  public Set<String> senders() {
    Set<String> senders = new HashSet<>();
    assigned
        .value()
        .values()
        .forEach(a -> senders.add(ConnectionKey.endpoint(a.senderIp(), a.senderPort())));
    return senders;
  }

  @Override
  public void replay(
      int fileId,
      long splitStart,
      String srcIp,
      int srcPort,
      String dstIp,
      int dstPort,
      SegmentLog.Reader log,
      long cut,
      Consumer<InternalRow> out) {
    DataAssignment a = assigned.value().get(ConnectionKey.of(srcIp, srcPort, dstIp, dstPort));
    if (a == null || !a.sentBy(srcIp, srcPort)) {
      return;
    }
    // A log is in capture order, so its records rise: the cut ends it, as it ends a read. Each log
    // is its direction's whole split: its runs are shipped at its end, as at a split's end.
    while (log.next() && log.segment().record < cut) {
      stream(a, fileId, splitStart, log.segment(), null, out);
    }
    endSplit(out);
  }

  /**
   * One segment of an assigned sender that carries stream, read or replayed ({@code inline}: its
   * payload when it cannot be re-read where it lies).
   */
  private void stream(
      DataAssignment a,
      int fileId,
      long splitStart,
      SegmentLog.Segment g,
      byte[] inline,
      Consumer<InternalRow> out) {
    Unwrapping u = unwrapping(a.transfer(), fileId, splitStart, out);
    int len = g.len;
    int flags = g.flags;
    boolean separateFin = StreamSegments.hasSeparateFin(flags, g.truncated);
    long offset = u.unwrapper.unwrap(g.seq);
    // RFC 1122 §4.2.3.6: a keep-alive re-sends the byte before the next one expected, often with
    // garbage in it; it is not a copy of data and must not count as a conflict.
    boolean keepAlive = len == 1 && offset + 1 == u.highestEnd;
    if (len > 0) {
      u.highestEnd = Math.max(u.highestEnd, offset + len);
    }
    if (!keepAlive) {
      append(
          u,
          g.ts,
          g.record,
          g.payloadPos,
          offset,
          separateFin ? flags & ~FIN : flags,
          len,
          g.truncated,
          inline,
          out);
    }
    if (separateFin) {
      long finOffset = u.unwrapper.unwrap(StreamSegments.separateFinSeq(g.seq, g.claimedLen));
      append(u, g.ts, g.record, -1L, finOffset, FIN, 0, false, null, out);
    }
  }

  /**
   * Whether the first pass saw a segment that carries stream from an assigned sender in {@code
   * split}: those are the splits with a sequence span ({@link DirectionSpans#starts}), and the only
   * ones that can yield a row. Both passes decide what carries stream by {@link StreamSegments}, so
   * no segment of the others can be wanted.
   */
  @Override
  public boolean reads(CaptureSplit split) {
    if (sendersSplits == null) {
      Set<SplitAt> at = new HashSet<>();
      starts.value().keySet().forEach(k -> at.add(new SplitAt(k.capture(), k.splitStart())));
      sendersSplits = at;
    }
    return sendersSplits.contains(new SplitAt(split.fileId(), split.start()));
  }

  @Override
  public void endSplit(Consumer<InternalRow> out) {
    if (unwrapping != null) {
      unwrapping.values().forEach(u -> flush(u, null, out));
      unwrapping = null;
    }
  }

  /** Adds a pointer to the transfer's open run, ending the run first where it must end. */
  private void append(
      Unwrapping u,
      long ts,
      long record,
      long payloadPos,
      long offset,
      int flags,
      int len,
      boolean truncated,
      byte[] inline,
      Consumer<InternalRow> out) {
    PointerRun.Writer run = u.run;
    if (run.count() > 0
        && (inline != null || run.count() >= MAX_RUN_SEGMENTS || !run.accepts(offset, ts))) {
      flush(u, null, out);
    }
    run.add(offset, len, ts, record, payloadPos, flags, truncated);
    if (inline != null) {
      flush(u, inline, out);
    }
  }

  /** Ships the transfer's open run, if any, as a row ({@link DataSegmentSchema}). */
  private void flush(Unwrapping u, byte[] inline, Consumer<InternalRow> out) {
    PointerRun.Writer run = u.run;
    if (run.count() == 0) {
      return;
    }
    out.accept(
        new GenericInternalRow(
            new Object[] {
              u.transfer,
              run.firstTs(),
              splitCapture,
              run.firstRecord(),
              run.firstPayloadPos(),
              run.firstOffset(),
              run.count(),
              run.toBytes(),
              inline,
              u.bin
            }));
    run.clear();
  }

  /** Where {@code transfer}'s unwrapping stands in the split, resumed on its first segment. */
  private Unwrapping unwrapping(int transfer, int fileId, long split, Consumer<InternalRow> out) {
    if (unwrapping == null || fileId != splitCapture || split != splitStart) {
      endSplit(out);
      unwrapping = new HashMap<>();
      splitCapture = fileId;
      splitStart = split;
    }
    Unwrapping u = unwrapping.get(transfer);
    if (u == null) {
      SpanChain.Start start =
          starts.value().get(new DirectionSpans.SplitKey(transfer, fileId, split));
      if (start == null) {
        // The first pass summarised every split this pass reads; a miss means the two passes
        // read different segments, and offsets guessed here could put bytes in the wrong place.
        throw new IllegalStateException(
            "no first-pass sequence span for transfer "
                + transfer
                + " in capture "
                + fileId
                + " at split "
                + split);
      }
      u = new Unwrapping(transfer, binOf.value().get(transfer), start);
      unwrapping.put(transfer, u);
    }
    return u;
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
