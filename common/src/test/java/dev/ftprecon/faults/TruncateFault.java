package dev.ftprecon.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * truncate: every packet of the data connection is cut to a captured length of {@value #SNAP}
 * bytes, with its original length unchanged, as {@code tcpdump -s 200} does. Only the data
 * connection is cut: the control connection must stay readable for the transfer to be found at all
 * (a real snap length would cut its longer replies too). Each data segment keeps its first {@value
 * #SNAP} - (Ethernet + IP + TCP header) payload bytes; the cut tails are gaps, zero-filled in a
 * file of the original size. Checksums are those of the whole segments.
 */
final class TruncateFault implements FaultBehaviour {
  static final int SNAP = 200;

  @Override
  public String name() {
    return "truncate";
  }

  @Override
  public String source() {
    return Samples.IPV4_DOWNLOAD;
  }

  @Override
  public FaultOutput apply(FaultSource source, Random random) {
    SenderStream stream = source.stream();
    PacketListEdit edit = source.edit();
    for (int i = 0; i < source.packets().size(); i++) {
      Packet packet = source.packets().get(i);
      if (source.connection().contains(packet)) {
        edit.replace(i, packet.cutTo(SNAP));
      }
    }
    List<FileRange> gaps = new ArrayList<>();
    for (int k = 0; k < stream.segments(); k++) {
      int kept = Math.max(0, SNAP - source.packets().get(stream.index(k)).tcp().payloadOffset());
      if (kept < stream.length(k)) {
        gaps.add(new FileRange(stream.offset(k) + kept, stream.range(k).end()));
      }
    }
    String description =
        "Every packet of the data connection is captured with at most "
            + SNAP
            + " bytes (original length unchanged), so each of the "
            + stream.segments()
            + " data segments loses its payload after the first "
            + (SNAP - source.packets().get(stream.index(0)).tcp().payloadOffset())
            + " bytes. The control connection is left whole. Expected: truncated, full size,"
            + " gaps = the cut tails, zero-filled in the file.";
    return FaultOutput.single(
        name(),
        edit.result(),
        description,
        ExpectedOutcome.withGaps(ExpectedOutcome.TRUNCATED, stream.bytes(), gaps));
  }
}
