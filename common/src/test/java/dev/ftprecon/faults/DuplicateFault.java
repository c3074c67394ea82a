package dev.ftprecon.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * duplicate: every {@value #EVERY}th data segment of the sender is captured twice, the copy
 * identical to the byte and with the same timestamp, right after the original (as a capture taken
 * on a bridge or with two taps shows it). The file is complete; the copies' payloads are counted as
 * duplicate bytes.
 */
final class DuplicateFault implements FaultBehaviour {
  static final int EVERY = 10;

  @Override
  public String name() {
    return "duplicate";
  }

  @Override
  public String source() {
    return Samples.IPV6_UPLOAD;
  }

  @Override
  public FaultOutput apply(FaultSource source, Random random) {
    SenderStream stream = source.stream();
    PacketListEdit edit = source.edit();
    long duplicateBytes = 0;
    List<Integer> copied = new ArrayList<>();
    for (int k = EVERY - 1; k < stream.segments(); k += EVERY) {
      int index = stream.index(k);
      edit.insertAfter(index, source.packets().get(index).copy());
      duplicateBytes += stream.length(k);
      copied.add(k + 1);
    }
    String description =
        "Every "
            + EVERY
            + "th data segment of the sender (segments "
            + copied
            + " of "
            + stream.segments()
            + ", counting from 1) is captured twice: an exact copy with the same timestamp"
            + " follows it. Expected: complete, the original file, duplicate_bytes = the"
            + " copies' payload bytes.";
    return FaultOutput.single(
        name(),
        edit.result(),
        description,
        ExpectedOutcome.complete(stream.bytes(), duplicateBytes, List.of()));
  }
}
