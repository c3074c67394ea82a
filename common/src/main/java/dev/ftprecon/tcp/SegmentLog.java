package dev.ftprecon.tcp;

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

  /** One segment, as written or as read back (and as the data pass takes a segment it reads). */
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
    private final PackedNumbers.Out out = new PackedNumbers.Out(256);
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
      out.putSigned((int) (seq - lastSeq));
      out.putUnsigned(len);
      out.putUnsigned(((long) flags << 1) | (truncated ? 1 : 0));
      if (keepsClaimed(flags, truncated)) {
        out.putUnsigned(claimedLen);
      }
      out.putSigned(ts - lastTs);
      out.putSigned(record - lastRecord);
      out.putSigned(payloadPos - lastPayloadPos);
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
      return out.size();
    }

    /** Bytes held, packed or room to grow. */
    public int capacity() {
      return out.capacity();
    }

    public byte[] toBytes() {
      return out.toBytes();
    }
  }

  /** Reads a log back, segment by segment, into {@link #segment()}. */
  public static final class Reader {
    private final PackedNumbers.In in;
    private final int count;
    private final Segment segment = new Segment();
    private int read;

    public Reader(byte[] bytes, int count) {
      this.in = new PackedNumbers.In(bytes);
      this.count = count;
    }

    /** Decodes the next segment into {@link #segment()}; false when the log is done. */
    public boolean next() {
      if (read == count) {
        return false;
      }
      Segment s = segment;
      s.seq = (s.seq + in.getSigned()) & 0xFFFFFFFFL;
      s.len = (int) in.getUnsigned();
      long flags = in.getUnsigned();
      s.flags = (int) (flags >>> 1);
      s.truncated = (flags & 1) != 0;
      s.claimedLen = keepsClaimed(s.flags, s.truncated) ? (int) in.getUnsigned() : s.len;
      s.ts += in.getSigned();
      s.record += in.getSigned();
      s.payloadPos += in.getSigned();
      read++;
      return true;
    }

    public Segment segment() {
      return segment;
    }
  }

  private static boolean keepsClaimed(int flags, boolean truncated) {
    return truncated && (flags & 0x01) != 0;
  }
}
