package dev.ftprecon.faults;

import java.util.Random;

/**
 * fin-before-last-data: the sender's FIN (a segment of its own in this source) is moved before its
 * last data segment in capture order. The packets between them shift one place later; every slot
 * keeps its capture time. The FIN's sequence number still marks the end of the data, so the file is
 * complete and identical to the original.
 */
final class FinBeforeLastDataFault implements FaultBehaviour {
  @Override
  public String name() {
    return "fin-before-last-data";
  }

  @Override
  public String source() {
    return Samples.IPV6_DOWNLOAD_PCAPNG;
  }

  @Override
  public FaultOutput apply(FaultSource source, Random random) {
    SenderStream stream = source.stream();
    int lastData = stream.index(stream.segments() - 1);
    int fin = stream.senderFinIndex();
    SourceCapture.require(fin > lastData, "the FIN rides on the last data segment");
    int n = fin - lastData + 1;
    int[] slots = new int[n];
    int[] order = new int[n];
    for (int k = 0; k < n; k++) {
      slots[k] = lastData + k;
      order[k] = k == 0 ? n - 1 : k - 1; // FIN first, then everything else one place later
    }
    PacketListEdit edit = source.edit().permute(slots, order);
    String description =
        "The sender's FIN (source packet "
            + (fin + 1)
            + ") is moved before its last data segment (source packet "
            + (lastData + 1)
            + "); the packets in between shift one place, every slot keeps its timestamp."
            + " Expected: complete, the original file.";
    return FaultOutput.single(
        name(), edit.result(), description, ExpectedOutcome.complete(stream.bytes()));
  }
}
