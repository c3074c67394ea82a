package dev.ftprecon.tcp;

import java.util.Arrays;

/**
 * The segments that carry stream in one direction of one capture split, in capture order, with
 * their raw 32-bit sequence numbers, packed as variable-length numbers each relative to the segment
 * before: what the first pass keeps of every direction so that the data pass need not read the
 * split again ({@code TaggedSegments} replays a log as it would have read the segments). Twelve
 * bytes per full-size segment of a bulk transfer.
 *
 * <p>Per segment: the sequence number against the one before (zigzag, modulo 2^32), the payload
 * length, the TCP flags with the truncation bit, the claimed payload length when the segment was
 * cut short and carries a FIN (its separate FIN row needs it), the timestamp, the record offset and
 * the payload position, each against the one before (zigzag).
 */
public final class SegmentLog {
  private SegmentLog() {}

  /** One segment, as written or as read back. */
  public static final class Segment {
    public long seq;
    public int len;
    public int flags;
    public boolean truncated;
    public int claimedLen;
    public long ts;
    public long record;
    public long payloadPos;
  }

  /** Packs a log. Not thread-safe. */
  public static final class Writer {
    private byte[] bytes = new byte[256];
    private int size;
    private int count;
    private long lastSeq;
    private long lastTs;
    private long lastRecord;
    private long lastPayloadPos;

    /**
     * Appends a segment; {@code claimedLen} is only kept for a truncated segment with a FIN.
     *
     * @param seq the raw sequence number (0 to 2^32 - 1)
     */
    public void add(
        long seq,
        int len,
        int flags,
        boolean truncated,
        int claimedLen,
        long ts,
        long record,
        long payloadPos) {
      if (bytes.length - size < 6 * 10) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + 6 * 10));
      }
      putSigned((int) (seq - lastSeq));
      putUnsigned(len);
      putUnsigned(((long) flags << 1) | (truncated ? 1 : 0));
      if (keepsClaimed(flags, truncated)) {
        putUnsigned(claimedLen);
      }
      putSigned(ts - lastTs);
      putSigned(record - lastRecord);
      putSigned(payloadPos - lastPayloadPos);
      count++;
      lastSeq = seq;
      lastTs = ts;
      lastRecord = record;
      lastPayloadPos = payloadPos;
    }

    public int count() {
      return count;
    }

    /** Bytes packed so far. */
    public int size() {
      return size;
    }

    /** Bytes held, packed or room to grow. */
    public int capacity() {
      return bytes.length;
    }

    public byte[] toBytes() {
      return Arrays.copyOf(bytes, size);
    }

    private void putSigned(long v) {
      putUnsigned((v << 1) ^ (v >> 63));
    }

    private void putUnsigned(long v) {
      while ((v & ~0x7FL) != 0) {
        bytes[size++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      bytes[size++] = (byte) v;
    }
  }

  /** Reads a log back, segment by segment, into {@link #segment()}. */
  public static final class Reader {
    private final byte[] bytes;
    private final int count;
    private final Segment segment = new Segment();
    private int pos;
    private int read;

    public Reader(byte[] bytes, int count) {
      this.bytes = bytes;
      this.count = count;
    }

    /** Decodes the next segment into {@link #segment()}; false when the log is done. */
    public boolean next() {
      if (read == count) {
        return false;
      }
      Segment s = segment;
      s.seq = (s.seq + getSigned()) & 0xFFFFFFFFL;
      s.len = (int) getUnsigned();
      long flags = getUnsigned();
      s.flags = (int) (flags >>> 1);
      s.truncated = (flags & 1) != 0;
      s.claimedLen = keepsClaimed(s.flags, s.truncated) ? (int) getUnsigned() : s.len;
      s.ts += getSigned();
      s.record += getSigned();
      s.payloadPos += getSigned();
      read++;
      return true;
    }

    public Segment segment() {
      return segment;
    }

    private long getSigned() {
      long v = getUnsigned();
      return (v >>> 1) ^ -(v & 1);
    }

    private long getUnsigned() {
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

  private static boolean keepsClaimed(int flags, boolean truncated) {
    return truncated && (flags & 0x01) != 0;
  }
}
