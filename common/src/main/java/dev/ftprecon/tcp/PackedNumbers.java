package dev.ftprecon.tcp;

import java.util.Arrays;

/**
 * Variable-length numbers, seven bits per byte, low bits first (as protobuf's varints); signed ones
 * zigzag-encoded so that small negative numbers stay short. What {@link PointerRun} and {@link
 * SegmentLog} pack their segments into.
 */
final class PackedNumbers {
  private PackedNumbers() {}

  /** A growing byte array that numbers are appended to. */
  static final class Out {
    private byte[] bytes;
    private int size;

    Out(int capacity) {
      bytes = new byte[capacity];
    }

    void putSigned(long v) {
      putUnsigned((v << 1) ^ (v >> 63));
    }

    void putUnsigned(long v) {
      if (bytes.length - size < 10) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + 10));
      }
      while ((v & ~0x7FL) != 0) {
        bytes[size++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      bytes[size++] = (byte) v;
    }

    int size() {
      return size;
    }

    /** Bytes held, written or room to grow. */
    int capacity() {
      return bytes.length;
    }

    byte[] toBytes() {
      return Arrays.copyOf(bytes, size);
    }

    void clear() {
      size = 0;
    }
  }

  /** Reads numbers back from the start of a byte array. */
  static final class In {
    private final byte[] bytes;
    private int pos;

    In(byte[] bytes) {
      this.bytes = bytes;
    }

    long getSigned() {
      long v = getUnsigned();
      return (v >>> 1) ^ -(v & 1);
    }

    long getUnsigned() {
      long v = 0;
      for (int shift = 0; ; shift += 7) {
        byte b = bytes[pos++];
        v |= (long) (b & 0x7F) << shift;
        if (b >= 0) {
          return v;
        }
      }
    }
  }
}
