package dev.ftprecon.faults;

import dev.ftprecon.capture.CaptureReader;
import dev.ftprecon.capture.CaptureReaders;
import dev.ftprecon.capture.CaptureRecord;
import dev.ftprecon.capture.NotACaptureException;
import dev.ftprecon.packet.DecodeStatus;
import dev.ftprecon.packet.PacketDecoder;
import dev.ftprecon.packet.TcpSegment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A clean sample capture loaded whole into memory (the samples are a few hundred KB), as the
 * starting point of every fault. Loading checks the assumptions the rewriting relies on: Ethernet
 * frames captured whole, and {@link TcpFrame} reading every TCP frame exactly as {@link
 * PacketDecoder} does.
 */
final class SourceCapture {
  static final int LINKTYPE_ETHERNET = 1;

  private final String path;
  private final List<Packet> packets;

  private SourceCapture(String path, List<Packet> packets) {
    this.path = path;
    this.packets = List.copyOf(packets);
  }

  /** Reads {@code repoRoot/path} (pcap or pcapng). */
  static SourceCapture load(Path repoRoot, String path) throws IOException {
    List<Packet> packets = new ArrayList<>();
    PacketDecoder decoder = new PacketDecoder();
    TcpSegment segment = new TcpSegment();
    try (InputStream in = Files.newInputStream(repoRoot.resolve(path));
        CaptureReader reader = CaptureReaders.open(in)) {
      while (reader.next()) {
        CaptureRecord r = reader.record();
        String where = path + " packet " + (packets.size() + 1);
        require(r.linkType() == LINKTYPE_ETHERNET, where + ": link type " + r.linkType());
        require(r.capturedLength() == r.originalLength(), where + ": cut by the snap length");
        byte[] frame =
            Arrays.copyOfRange(r.buffer(), r.bufferOffset(), r.bufferOffset() + r.capturedLength());
        DecodeStatus status =
            decoder.decode(r.linkType(), frame, 0, frame.length, r.originalLength(), segment);
        TcpFrame tcp = TcpFrame.parse(frame);
        require(
            (status == DecodeStatus.TCP) == (tcp != null),
            where + ": decoder says " + status + ", TcpFrame " + (tcp == null ? "not TCP" : "TCP"));
        if (tcp != null) {
          require(
              tcp.payloadOffset() == segment.payloadOffset()
                  && tcp.payloadLength() == segment.payloadLength()
                  && tcp.seq() == segment.seq()
                  && tcp.ack() == segment.ack()
                  && tcp.flags() == segment.flags()
                  && tcp.srcPort() == segment.srcPort()
                  && tcp.dstPort() == segment.dstPort()
                  && Arrays.equals(tcp.srcAddress(), segment.srcAddress())
                  && Arrays.equals(tcp.dstAddress(), segment.dstAddress()),
              where + ": TcpFrame and PacketDecoder disagree on " + segment);
        }
        packets.add(Packet.whole(r.timestampNanos(), frame));
      }
      require(reader.damage().isEmpty(), path + ": damaged: " + reader.damage());
    } catch (NotACaptureException e) {
      throw new IllegalStateException(path + " is not a capture", e);
    }
    return new SourceCapture(path, packets);
  }

  /** Path relative to the repository root, as written in the expected JSON. */
  String path() {
    return path;
  }

  /** The packets in capture order; shared, so copy a packet before editing its frame. */
  List<Packet> packets() {
    return packets;
  }

  static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }
}
