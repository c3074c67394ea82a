package dev.ftprecon.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * drop: {@value #COUNT} data segments of the sender are removed from the capture, never the first
 * or the last and never two adjacent ones. The receiver's ACKs stay, acknowledging bytes the
 * capture never shows: packet loss in the capture, not on the network. The file keeps its size,
 * with the dropped payload ranges zero-filled and listed as gaps.
 */
final class DropFault implements FaultBehaviour {
  static final int COUNT = 3;

  @Override
  public String name() {
    return "drop";
  }

  @Override
  public String source() {
    return Samples.IPV4_DOWNLOAD;
  }

  @Override
  public FaultOutput apply(FaultSource source, Random random) {
    SenderStream stream = source.stream();
    PacketListEdit edit = source.edit();
    List<FileRange> gaps = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    for (int k : SegmentPicker.spread(random, COUNT, 1, stream.segments() - 1)) {
      edit.remove(stream.index(k));
      gaps.add(stream.range(k));
      dropped.add("segment " + (k + 1) + " " + stream.range(k));
    }
    String description =
        "Data segments removed from the capture (file offsets; segments counted from 1 of "
            + stream.segments()
            + "): "
            + String.join("; ", dropped)
            + ". ACKs are untouched. Expected: incomplete, full size, gaps = the removed"
            + " payload ranges, zero-filled in the file.";
    return FaultOutput.single(
        name(),
        edit.result(),
        description,
        ExpectedOutcome.withGaps(ExpectedOutcome.INCOMPLETE, stream.bytes(), gaps));
  }
}
