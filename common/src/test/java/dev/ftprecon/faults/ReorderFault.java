package dev.ftprecon.faults;

import java.util.Random;

/**
 * reorder: the sender's data segments are shuffled within consecutive windows of {@value #WINDOW}
 * segments (a random permutation per window, never the identity). Every slot keeps its capture
 * time, so the capture stays in time order while the sequence numbers jump back and forth, as when
 * the network reorders segments. The receiver's ACKs stay where they were. Nothing is lost or
 * repeated: the file is complete and identical to the original.
 */
final class ReorderFault implements FaultBehaviour {
  static final int WINDOW = 8;

  @Override
  public String name() {
    return "reorder";
  }

  @Override
  public String source() {
    return Samples.IPV4_DOWNLOAD;
  }

  @Override
  public FaultOutput apply(FaultSource source, Random random) {
    SenderStream stream = source.stream();
    PacketListEdit edit = source.edit();
    int windows = 0;
    for (int first = 0; first < stream.segments(); first += WINDOW) {
      int n = Math.min(WINDOW, stream.segments() - first);
      if (n < 2) {
        break;
      }
      int[] slots = new int[n];
      for (int k = 0; k < n; k++) {
        slots[k] = stream.index(first + k);
      }
      edit.permute(slots, SegmentPicker.shuffled(random, n));
      windows++;
    }
    String description =
        "The sender's "
            + stream.segments()
            + " data segments are permuted within "
            + windows
            + " consecutive windows of up to "
            + WINDOW
            + " segments; each capture slot keeps its timestamp, so capture time order differs"
            + " from sequence order. ACKs are untouched. Expected: complete, the original file.";
    return FaultOutput.single(
        name(), edit.result(), description, ExpectedOutcome.complete(stream.bytes()));
  }
}
