package dev.ftprecon.tcp;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The most recently written bytes of an output file, in a ring buffer of fixed capacity, together
 * with whether each of them is payload, zero fill of a gap, or payload not kept because the writer
 * knew that nothing would be compared with it. Lets overlapping retransmissions be compared with
 * what was written without keeping the whole file in memory.
 */
final class RecentBytes {

  private final byte[] ring;
  // Bit i set: ring[i] holds zero fill written for a gap, not payload.
  private final BitSet fill;
  // Bit i set: ring[i] is stale, its payload was written without being kept (appendUnkept).
  private final BitSet unkept;
  private long end;

  RecentBytes(int capacity) {
    this.ring = new byte[capacity];
    this.fill = new BitSet(capacity);
    this.unkept = new BitSet(capacity);
  }

  /** Position just after the last byte appended, i.e. the number of bytes appended so far. */
  long end() {
    return end;
  }

  /** The oldest position still kept; positions in [oldestKept(), end()) can be looked up. */
  long oldestKept() {
    return Math.max(0, end - ring.length);
  }

  /** Appends payload bytes. */
  void appendData(byte[] buf, int off, int len) {
    int kept = Math.min(len, ring.length);
    int from = off + len - kept;
    long pos = end + len - kept;
    while (kept > 0) {
      int index = indexOf(pos);
      int piece = Math.min(kept, ring.length - index);
      System.arraycopy(buf, from, ring, index, piece);
      fill.clear(index, index + piece);
      unkept.clear(index, index + piece);
      from += piece;
      pos += piece;
      kept -= piece;
    }
    end += len;
  }

  /**
   * Appends {@code count} bytes of payload without keeping them: for bytes the writer knows no
   * later copy will be compared with. Skips a copy of every byte of a stream sent once, which the
   * 10 GiB transfer of the benchmark capture paid for in full. Should a comparison reach them after
   * all, they count as unchecked ({@link #isUnkept}), never as duplicates or conflicts.
   */
  void appendUnkept(int count) {
    appendWithoutData(count, false);
  }

  /** Appends {@code count} bytes of zero fill for a gap. */
  void appendFill(long count) {
    appendWithoutData(count, true);
  }

  /** Marks the kept part of {@code count} appended bytes as fill (zeroed) or as unkept payload. */
  private void appendWithoutData(long count, boolean isFill) {
    int kept = (int) Math.min(count, ring.length);
    long pos = end + count - kept;
    while (kept > 0) {
      int index = indexOf(pos);
      int piece = Math.min(kept, ring.length - index);
      if (isFill) {
        Arrays.fill(ring, index, index + piece, (byte) 0);
      }
      fill.set(index, index + piece, isFill);
      unkept.set(index, index + piece, !isFill);
      pos += piece;
      kept -= piece;
    }
    end += count;
  }

  /** The byte written at {@code pos}, which must be in [oldestKept(), end()). */
  byte byteAt(long pos) {
    return ring[checkedIndexOf(pos)];
  }

  /** Whether the byte at {@code pos}, in [oldestKept(), end()), is zero fill of a gap. */
  boolean isFill(long pos) {
    return fill.get(checkedIndexOf(pos));
  }

  /** Whether the payload at {@code pos}, in [oldestKept(), end()), was written without a copy. */
  boolean isUnkept(long pos) {
    return unkept.get(checkedIndexOf(pos));
  }

  private int checkedIndexOf(long pos) {
    if (pos < oldestKept() || pos >= end) {
      throw new IndexOutOfBoundsException(
          "position " + pos + " outside kept range [" + oldestKept() + ", " + end + ")");
    }
    return indexOf(pos);
  }

  private int indexOf(long pos) {
    return (int) (pos % ring.length);
  }
}
