package dev.ftprecon.jobs.input;

import dev.ftprecon.capture.CaptureRecord;
import dev.ftprecon.packet.TcpSegment;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * The segments of given connections, both ways, with their payloads: what a second pass over the
 * captures reads of the control connections found by content. A port test comes first, so the text
 * of an address is only built for segments that may match.
 */
public final class SegmentSelection implements SegmentRows {
  private static final long serialVersionUID = 1L;

  private final Set<Integer> ports;
  private final Set<String> keys;

  private SegmentSelection(Set<Integer> ports, Set<String> keys) {
    this.ports = ports;
    this.keys = keys;
  }

  /**
   * Segments of the {@code connections} ("client ip|port|server ip|port"), both ways, with their
   * payloads (control text, read by the control pass).
   */
  public static SegmentSelection connections(Set<String> connections) {
    Set<Integer> ports = new HashSet<>();
    for (String c : connections) {
      String[] f = c.split("\\|");
      ports.add(Integer.parseInt(f[1]));
      ports.add(Integer.parseInt(f[3]));
    }
    return new SegmentSelection(Set.copyOf(ports), Set.copyOf(connections));
  }

  /** Rows of {@link dev.ftprecon.jobs.schema.SegmentSchema}. */
  @Override
  public void add(
      int fileId,
      long splitStart,
      CaptureRecord record,
      TcpSegment segment,
      boolean seekable,
      Consumer<InternalRow> out) {
    if (selects(segment)) {
      out.accept(ScanRows.segment(fileId, record, segment, seekable, true));
    }
  }

  boolean selects(TcpSegment s) {
    if (!ports.contains(s.srcPort()) || !ports.contains(s.dstPort())) {
      return false;
    }
    String src = s.srcIp() + "|" + s.srcPort();
    String dst = s.dstIp() + "|" + s.dstPort();
    return keys.contains(src + "|" + dst) || keys.contains(dst + "|" + src);
  }
}
