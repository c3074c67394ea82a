package dev.ftprecon.jobs.data;

import dev.ftprecon.tcp.SequenceSpan;
import dev.ftprecon.tcp.SpanChain;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * The sequence spans the first pass summarised ({@link dev.ftprecon.tcp.SequenceSpan}), per
 * direction, split and piece, for the directions that touch an announced endpoint. Chained in
 * capture order per sending direction ({@link SpanChain}), they tell each split of the second pass
 * where its segments' 64-bit stream offsets resume, so that the second pass can unwrap sequence
 * numbers itself and the segments need only one sort, by offset.
 */
public final class DirectionSpans {

  /** Where the unwrapping of one transfer's segments resumes in one split. */
  record SplitKey(int transfer, int capture, long splitStart) implements Serializable {}

  private record Piece(
      int capture,
      long splitStart,
      int piece,
      long firstNanos,
      long firstSeq,
      boolean firstIsSyn,
      long highestStart,
      long highestEnd) {}

  /** A split's pieces come in piece order (the order the first pass read them in). */
  private static final Comparator<Piece> SPLIT_ORDER =
      Comparator.comparingInt(Piece::capture)
          .thenComparingLong(Piece::splitStart)
          .thenComparingInt(Piece::piece);

  /** Splits come in capture order of their first piece. */
  private static final Comparator<List<Piece>> CAPTURE_ORDER =
      Comparator.<List<Piece>>comparingLong(split -> split.get(0).firstNanos())
          .thenComparingInt(split -> split.get(0).capture())
          .thenComparingLong(split -> split.get(0).splitStart());

  private final Map<String, List<Piece>> byDirection = new HashMap<>();

  /**
   * Keeps the span of one direction's facts row: its capture_id, split start, piece, span_first_ns,
   * span_first_seq, span_first_syn, span_highest_start and span_highest_end, in this order from
   * column {@code from} on.
   */
  void add(String srcIp, int srcPort, String dstIp, int dstPort, Row r, int from) {
    if (r.isNullAt(from + 3)) {
      return; // no segment of this piece carried stream
    }
    byDirection
        .computeIfAbsent(direction(srcIp, srcPort, dstIp, dstPort), d -> new ArrayList<>())
        .add(
            new Piece(
                r.getInt(from),
                r.getLong(from + 1),
                r.getInt(from + 2),
                r.getLong(from + 3),
                r.getLong(from + 4),
                r.getBoolean(from + 5),
                r.getLong(from + 6),
                r.isNullAt(from + 7) ? SequenceSpan.NO_END : r.getLong(from + 7)));
  }

  /**
   * For every assigned transfer, per split where its sender's segments are: the state to resume
   * unwrapping from, that of one unwrapper fed the sender's segments in capture order.
   */
  Map<SplitKey, SpanChain.Start> starts(Map<ConnectionKey, DataAssignment> assignments) {
    Map<SplitKey, SpanChain.Start> starts = new HashMap<>();
    for (DataAssignment a : assignments.values()) {
      List<Piece> pieces =
          byDirection.getOrDefault(
              direction(a.senderIp(), a.senderPort(), a.receiverIp(), a.receiverPort()), List.of());
      List<Piece> ordered = new ArrayList<>(pieces);
      ordered.sort(SPLIT_ORDER);
      List<List<Piece>> splits = new ArrayList<>();
      for (Piece p : ordered) {
        List<Piece> last = splits.isEmpty() ? null : splits.get(splits.size() - 1);
        if (last != null
            && last.get(0).capture() == p.capture()
            && last.get(0).splitStart() == p.splitStart()) {
          last.add(p);
        } else {
          splits.add(new ArrayList<>(List.of(p)));
        }
      }
      splits.sort(CAPTURE_ORDER);
      SpanChain chain = new SpanChain();
      for (List<Piece> split : splits) {
        Piece first = split.get(0);
        starts.put(
            new SplitKey(a.transfer(), first.capture(), first.splitStart()),
            chain.next(
                first.firstSeq(), first.firstIsSyn(), first.highestStart(), first.highestEnd()));
        // The split's later pieces (after its direction table was emptied) follow the first.
        for (Piece p : split.subList(1, split.size())) {
          chain.next(p.firstSeq(), p.firstIsSyn(), p.highestStart(), p.highestEnd());
        }
      }
    }
    return starts;
  }

  private static String direction(String srcIp, int srcPort, String dstIp, int dstPort) {
    return srcIp + "|" + srcPort + "|" + dstIp + "|" + dstPort;
  }
}
