package dev.ftprecon.capture;

import java.io.IOException;
import java.io.InputStream;

/**
 * A read-ahead window over the capture stream that knows the absolute file offset of every byte it
 * holds. Readers ask for "the next n bytes" with {@link #fill}, parse them in place from {@link
 * #array()} and {@link #consume} them. The buffer is reused and only grows, up to a cap fixed at
 * construction, when a single record or block needs more room.
 */
final class CaptureInput {
  /** Starting buffer size: enough for a few dozen full-size Ethernet frames per refill. */
  static final int INITIAL_BUFFER_BYTES = 64 * 1024;

  private final InputStream in;
  private final int maxWindowBytes;
  private byte[] buffer;
  private int start;
  private int end;
  private long bufferBase;

  /**
   * @param in the capture stream, read sequentially and never reset
   * @param maxWindowBytes the largest {@code n} any caller will pass to {@link #fill}
   */
  CaptureInput(InputStream in, int maxWindowBytes) {
    this(in, maxWindowBytes, 0);
  }

  /**
   * @param in the capture stream from file offset {@code startOffset} on (a split reader's stream)
   * @param maxWindowBytes the largest {@code n} any caller will pass to {@link #fill}
   * @param startOffset file offset of the stream's first byte
   */
  CaptureInput(InputStream in, int maxWindowBytes, long startOffset) {
    this.in = in;
    this.maxWindowBytes = maxWindowBytes;
    this.buffer = new byte[Math.min(INITIAL_BUFFER_BYTES, maxWindowBytes)];
    this.bufferBase = startOffset;
  }

  /** Absolute offset in the file of the next unconsumed byte. */
  long position() {
    return bufferBase + start;
  }

  /** The buffer holding the window; valid until the next {@link #fill} or {@link #skip}. */
  byte[] array() {
    return buffer;
  }

  /** Index in {@link #array()} of the byte at {@link #position()}. */
  int index() {
    return start;
  }

  /**
   * Makes the next {@code n} bytes of the stream available at {@link #index()}.
   *
   * @return {@code n}, or fewer if the stream ended first
   * @throws IllegalArgumentException if {@code n} exceeds the window cap: callers check lengths
   *     read from the file against their cap before asking
   */
  int fill(int n) throws IOException {
    if (n < 0 || n > maxWindowBytes) {
      throw new IllegalArgumentException(
          "window of " + n + " bytes requested (expected: 0.." + maxWindowBytes + ")");
    }
    if (end - start >= n) {
      return n;
    }
    makeRoom(n);
    while (end - start < n) {
      int read = in.read(buffer, end, buffer.length - end);
      if (read < 0) {
        break;
      }
      end += read;
    }
    return Math.min(n, end - start);
  }

  /** Marks {@code n} already filled bytes as read. */
  void consume(int n) {
    if (n < 0 || n > end - start) {
      throw new IllegalArgumentException(
          "consume " + n + " bytes (expected: 0.." + (end - start) + ", the filled bytes)");
    }
    start += n;
  }

  /**
   * Reads past {@code n} bytes without keeping them (blocks the readers do not interpret), using
   * the existing buffer as scratch space.
   *
   * @return {@code n}, or fewer if the stream ended first
   */
  long skip(long n) throws IOException {
    long skipped = 0;
    while (skipped < n) {
      if (start == end && fill(1) == 0) {
        break;
      }
      int step = (int) Math.min(n - skipped, end - start);
      start += step;
      skipped += step;
    }
    return skipped;
  }

  /** Closes the underlying stream. */
  void close() throws IOException {
    in.close();
  }

  /**
   * Moves the unread bytes to the front of the buffer, growing it (up to the cap) if {@code n}
   * bytes would not fit otherwise.
   */
  private void makeRoom(int n) {
    if (buffer.length - start >= n) {
      return;
    }
    int unread = end - start;
    byte[] target = buffer;
    if (buffer.length < n) {
      long doubled = 2L * buffer.length;
      target = new byte[(int) Math.min(maxWindowBytes, Math.max(n, doubled))];
    }
    System.arraycopy(buffer, start, target, 0, unread);
    bufferBase += start;
    buffer = target;
    start = 0;
    end = unread;
  }
}
