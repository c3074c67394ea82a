package dev.ftprecon.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * overlap-conflict: after {@value #COUNT} chosen data segments, a later retransmission overlaps
 * them with some bytes changed. For a chosen segment [s, e) (followed by a segment of at least
 * {@value #INTO_NEXT} bytes) the retransmission carries [s + {@value #SKIP}, e + {@value
 * #INTO_NEXT}) and is captured right after the data segment two places later, with that segment's
 * timestamp. In it, the bytes at [s + 100 + {@value #SKIP}, s + 116 + {@value #SKIP}) and [s + 500
 * + {@value #SKIP}, s + 504 + {@value #SKIP}) are flipped (XOR 0xFF, so every one differs); all its
 * other bytes are the original ones.
 *
 * <p>Policy: the bytes seen first win. The original segment comes first both in capture order and
 * in sequence order (the retransmission starts later), so any reading of "first" keeps the original
 * bytes: the file equals the original. conflict_ranges are exactly the flipped ranges,
 * conflict_bytes their total; every other retransmitted byte is a duplicate.
 */
final class OverlapConflictFault implements FaultBehaviour {
  static final int COUNT = 2;
  static final int SKIP = 400;
  static final int INTO_NEXT = 300;

  /** Flipped runs, relative to the retransmission's first byte: {offset, length}. */
  private static final int[][] FLIPS = {{100, 16}, {500, 4}};

  /** The retransmission follows the segment this many data segments after the one it repeats. */
  private static final int LATER_BY = 2;

  @Override
  public String name() {
    return "overlap-conflict";
  }

  @Override
  public String source() {
    return Samples.IPV4_DOWNLOAD;
  }

  @Override
  public FaultOutput apply(FaultSource source, Random random) {
    SenderStream stream = source.stream();
    byte[] original = stream.bytes();
    PacketListEdit edit = source.edit();
    List<FileRange> conflicts = new ArrayList<>();
    long duplicateBytes = 0;
    List<String> changed = new ArrayList<>();
    for (int k : SegmentPicker.spread(random, COUNT, 1, stream.segments() - LATER_BY - 1)) {
      FileRange range = stream.range(k);
      SourceCapture.require(
          range.length() >= SKIP + 600 && stream.length(k + 1) >= INTO_NEXT,
          "segments too short around " + (k + 1));
      long start = range.start() + SKIP;
      long end = range.end() + INTO_NEXT;
      byte[] payload = new byte[(int) (end - start)];
      System.arraycopy(original, (int) start, payload, 0, payload.length);
      for (int[] flip : FLIPS) {
        for (int i = flip[0]; i < flip[0] + flip[1]; i++) {
          payload[i] ^= (byte) 0xFF;
        }
        conflicts.add(new FileRange(start + flip[0], start + flip[0] + flip[1]));
        duplicateBytes -= flip[1];
      }
      duplicateBytes += payload.length;
      int after = stream.index(k + LATER_BY);
      Packet template = source.packets().get(stream.index(k));
      TcpFrame resent = template.tcp().withPayload(stream.seqOf(start), payload, 0, payload.length);
      edit.insertAfter(
          after, Packet.whole(source.packets().get(after).timestampNanos(), resent.frame()));
      changed.add(
          "segment "
              + (k + 1)
              + " "
              + range
              + " overlapped by a retransmission of ["
              + start
              + ", "
              + end
              + ") captured after segment "
              + (k + 1 + LATER_BY));
    }
    String description =
        "Later retransmissions with different bytes: "
            + String.join("; ", changed)
            + " (file offsets; segments counted from 1). In each, the conflict_ranges are"
            + " flipped (XOR 0xFF); the rest matches the original. Policy: the bytes seen first"
            + " (in capture order, and here also in sequence order) win. Expected: complete,"
            + " the original file, conflict_bytes = the flipped bytes, duplicate_bytes = the"
            + " other retransmitted bytes.";
    return FaultOutput.single(
        name(),
        edit.result(),
        description,
        ExpectedOutcome.complete(original, duplicateBytes, conflicts));
  }
}
