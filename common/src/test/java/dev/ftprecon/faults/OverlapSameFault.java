package dev.ftprecon.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * overlap-same: {@value #COUNT} data segments are replaced by a repacketized retransmission that
 * starts {@value #OVERLAP} bytes earlier: segment [start, end) becomes [start - {@value #OVERLAP},
 * end), its first bytes repeating the tail of the previous segment, identical. This is what a
 * sender merging a retransmitted tail with new data looks like. The file is complete; the repeated
 * bytes are duplicates ({@value #COUNT} x {@value #OVERLAP}).
 */
final class OverlapSameFault implements FaultBehaviour {
  static final int COUNT = 3;
  static final int OVERLAP = 500;

  @Override
  public String name() {
    return "overlap-same";
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
    List<String> changed = new ArrayList<>();
    for (int k : SegmentPicker.spread(random, COUNT, 1, stream.segments() - 1)) {
      SourceCapture.require(stream.length(k - 1) >= OVERLAP, "previous segment too short");
      FileRange range = stream.range(k);
      long start = range.start() - OVERLAP;
      int index = stream.index(k);
      TcpFrame resent =
          source
              .packets()
              .get(index)
              .tcp()
              .withPayload(stream.seqOf(start), original, (int) start, (int) (range.end() - start));
      edit.replace(
          index, Packet.whole(source.packets().get(index).timestampNanos(), resent.frame()));
      changed.add(
          "segment " + (k + 1) + " " + range + " re-sent as [" + start + ", " + range.end() + ")");
    }
    String description =
        "Retransmissions overlapping earlier data with identical bytes: "
            + String.join("; ", changed)
            + " (file offsets; segments counted from 1), each repeating the last "
            + OVERLAP
            + " bytes of the previous segment. Expected: complete, the original file,"
            + " duplicate_bytes = "
            + COUNT
            + " x "
            + OVERLAP
            + ".";
    return FaultOutput.single(
        name(),
        edit.result(),
        description,
        ExpectedOutcome.complete(original, (long) COUNT * OVERLAP, List.of()));
  }
}
