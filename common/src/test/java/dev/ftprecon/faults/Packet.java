package dev.ftprecon.faults;

/**
 * One frame of a capture being rewritten: its capture time, all of its bytes as on the wire, and
 * how many of them the capture keeps (less than the frame only for the snap-length fault). Keeping
 * the whole frame even when the capture cuts it lets checksums be computed over the real segment.
 */
final class Packet {
  private final long timestampNanos;
  private final byte[] frame;
  private final int capturedLength;

  Packet(long timestampNanos, byte[] frame, int capturedLength) {
    if (capturedLength < 0 || capturedLength > frame.length) {
      throw new IllegalArgumentException(
          "captured length " + capturedLength + " outside [0, " + frame.length + "]");
    }
    this.timestampNanos = timestampNanos;
    this.frame = frame;
    this.capturedLength = capturedLength;
  }

  /** A packet captured whole. */
  static Packet whole(long timestampNanos, byte[] frame) {
    return new Packet(timestampNanos, frame, frame.length);
  }

  long timestampNanos() {
    return timestampNanos;
  }

  /** Every byte of the frame as it was on the wire; the original length is its length. */
  byte[] frame() {
    return frame;
  }

  int capturedLength() {
    return capturedLength;
  }

  int originalLength() {
    return frame.length;
  }

  /** The TCP view of the frame (edits write through), or null if it is not TCP. */
  TcpFrame tcp() {
    return TcpFrame.parse(frame);
  }

  /** Same bytes, another capture time. */
  Packet at(long timestampNanos) {
    return new Packet(timestampNanos, frame, capturedLength);
  }

  /** An independent copy, for edits that must not touch this packet. */
  Packet copy() {
    return new Packet(timestampNanos, frame.clone(), capturedLength);
  }

  /** The same frame cut by a snap length: at most {@code snapLength} bytes kept. */
  Packet cutTo(int snapLength) {
    return new Packet(timestampNanos, frame, Math.min(snapLength, frame.length));
  }
}
