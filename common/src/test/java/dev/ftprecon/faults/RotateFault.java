package dev.ftprecon.faults;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * rotate: the capture is split into three consecutive files, as {@code tcpdump -C/-W} or {@code
 * dumpcap -b} rotation leaves it, named {@code rotate.pcap0}, {@code rotate.pcap1} and {@code
 * rotate.pcap2} (names not ending in .pcap). The first split falls inside the control session
 * before the data connection opens (halfway through the packets before its SYN), the second in the
 * middle of the data transfer (before the middle data segment). No packet is changed, lost or
 * repeated: the file is complete and identical to the original, and its data comes from two of the
 * files while its session spans all three.
 */
final class RotateFault implements FaultBehaviour {
  @Override
  public String name() {
    return "rotate";
  }

  @Override
  public String source() {
    return Samples.IPV6_DOWNLOAD_PCAPNG;
  }

  @Override
  public FaultOutput apply(FaultSource source, Random random) {
    SenderStream stream = source.stream();
    List<Packet> packets = source.packets();
    int first = stream.initiatorSynIndex() / 2;
    int second = stream.index(stream.segments() / 2);
    SourceCapture.require(first > 0 && first < second, "no room for the split points");
    Map<String, List<Packet>> files = new LinkedHashMap<>();
    files.put(name() + ".pcap0", packets.subList(0, first));
    files.put(name() + ".pcap1", packets.subList(first, second));
    files.put(name() + ".pcap2", packets.subList(second, packets.size()));
    String description =
        "The source's "
            + packets.size()
            + " packets split into three files of "
            + first
            + ", "
            + (second - first)
            + " and "
            + (packets.size() - second)
            + " packets: the first split inside the control session before the data"
            + " connection, the second before data segment "
            + (stream.segments() / 2 + 1)
            + " of "
            + stream.segments()
            + ". The pcapng source is written as pcap. Expected: complete, the original file,"
            + " the captures list has all three files.";
    return new FaultOutput(files, description, ExpectedOutcome.complete(stream.bytes()));
  }
}
