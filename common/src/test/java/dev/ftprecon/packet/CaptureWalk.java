package dev.ftprecon.packet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftprecon.capture.CaptureReader;
import dev.ftprecon.capture.CaptureReaders;
import dev.ftprecon.capture.CaptureRecord;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test helper: reads a whole capture file and decodes every record (IP fragment reassembly on),
 * handing each TCP segment to a visitor; the capture must end without damage.
 */
public final class CaptureWalk {
  /** Sees one TCP segment (rebuilt from fragments or not); the objects are reused. */
  public interface Visitor {
    void segment(
        CaptureReader reader, CaptureRecord record, TcpSegment segment, DecodeStatus status)
        throws Exception;
  }

  private CaptureWalk() {}

  /** Walks the capture; returns the decoder, for its fragment statistics. */
  public static PacketDecoder tcpSegments(Path capture, Visitor visitor) throws Exception {
    PacketDecoder decoder = new PacketDecoder(FragmentReassemblyOptions.DEFAULTS);
    TcpSegment s = new TcpSegment();
    try (CaptureReader reader = CaptureReaders.open(Files.newInputStream(capture))) {
      CaptureRecord r = reader.record();
      while (reader.next()) {
        DecodeStatus status =
            decoder.decode(
                r.linkType(),
                r.buffer(),
                r.bufferOffset(),
                r.capturedLength(),
                r.originalLength(),
                r.timestampNanos(),
                s);
        if (status == DecodeStatus.TCP || status == DecodeStatus.TCP_REASSEMBLED) {
          visitor.segment(reader, r, s, status);
        }
      }
      assertThat(reader.damage()).isEmpty();
    }
    return decoder;
  }
}
