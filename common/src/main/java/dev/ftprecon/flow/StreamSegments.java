package dev.ftprecon.flow;

import dev.ftprecon.packet.TcpSegment;
import dev.ftprecon.tcp.SequenceSpan;

/**
 * The segments of a direction that say something about its byte stream, and the rows they stand
 * for: shared by the first pass, which summarises them per split ({@link SequenceSpan}), and the
 * second, which reassembles them, so that both count the same segments in the same way.
 */
public final class StreamSegments {
  private static final int STREAM_FLAGS = TcpSegment.FIN | TcpSegment.SYN | TcpSegment.RST;

  private StreamSegments() {}

  /** Payload, SYN, FIN or RST: anything but a pure acknowledgement. */
  public static boolean carriesStream(TcpSegment s) {
    return s.payloadLength() > 0 || (s.flags() & STREAM_FLAGS) != 0;
  }

  /**
   * Whether {@code s} stands for a second row: a FIN on a segment the snap length cut short is a
   * row of its own at the sequence number after the whole payload (RFC 9293 §3.4: the FIN occupies
   * the number after the last data byte), so that the stream's end stays known.
   */
  public static boolean hasSeparateFin(TcpSegment s) {
    return hasSeparateFin(s.flags(), s.truncated());
  }

  /** {@link #hasSeparateFin(TcpSegment)} of a segment's flags and truncation. */
  public static boolean hasSeparateFin(int flags, boolean truncated) {
    return truncated && (flags & TcpSegment.FIN) != 0;
  }

  /** The sequence number of that separate FIN row. */
  public static long separateFinSeq(TcpSegment s) {
    return separateFinSeq(s.seq(), s.payloadClaimedLength());
  }

  /** {@link #separateFinSeq(TcpSegment)} of a segment's sequence number and claimed length. */
  public static long separateFinSeq(long seq, int claimedLength) {
    return (seq + claimedLength) & 0xFFFFFFFFL;
  }

  /** Adds the rows {@code s} stands for (if it carries stream) to {@code span}. */
  public static void addTo(SequenceSpan span, TcpSegment s, long nanos) {
    if (!carriesStream(s)) {
      return;
    }
    span.see(nanos, s.seq(), (s.flags() & TcpSegment.SYN) != 0, s.payloadLength());
    if (hasSeparateFin(s)) {
      span.see(nanos, separateFinSeq(s), false, 0);
    }
  }
}
