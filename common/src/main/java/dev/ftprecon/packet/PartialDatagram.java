package dev.ftprecon.packet;

/**
 * One datagram being put together from its fragments. {@link #claimed} is what the fragments' IP
 * lengths cover (completeness), {@link #present} what the capture actually holds (a snap length may
 * cut fragments). A dropped datagram stays as a buffer-less marker until its timeout so that its
 * late fragments are discarded too (RFC 5722 section 4: "and any constituent fragments, including
 * those not yet received").
 */
final class PartialDatagram {
  private static final byte[] EMPTY = new byte[0];

  final FragmentKey key;

  /** Reassembler clock when the first fragment arrived; the timeout counts from here. */
  final long firstNanos;

  final FragmentRanges claimed = new FragmentRanges();
  final FragmentRanges present = new FragmentRanges();
  byte[] bytes = EMPTY;

  /** Payload length, known once the last fragment (MF = 0) arrived; -1 before. */
  int total = -1;

  /** Protocol (IPv4) or Next Header (IPv6) of the first header of the payload; -1 until known. */
  int protocol = -1;

  int fragments;
  boolean overlapped;
  boolean conflicting;
  boolean dropped;

  PartialDatagram(FragmentKey key, long firstNanos) {
    this.key = key;
    this.firstNanos = firstNanos;
  }

  boolean complete() {
    return total >= 0 && claimed.covers(0, total);
  }

  /** Whether the present bytes of [start, end) differ from {@code b} at {@code from}. */
  boolean differs(byte[] b, int from, int start, int end) {
    boolean[] differ = {false};
    present.forEachIntersection(
        start,
        end,
        (s, e) -> {
          if (!differ[0]
              && java.util.Arrays.mismatch(bytes, s, e, b, from + s - start, from + e - start)
                  >= 0) {
            differ[0] = true;
          }
        });
    return differ[0];
  }

  /** Copies the bytes of [start, end) not present yet from {@code b} at {@code from}. */
  void fill(byte[] b, int from, int start, int end) {
    present.forEachGap(
        start, end, (s, e) -> System.arraycopy(b, from + s - start, bytes, s, e - s));
    present.add(start, end);
  }

  /** Releases the buffer and keeps the datagram as a marker; returns the bytes released. */
  int drop() {
    int released = bytes.length;
    bytes = EMPTY;
    dropped = true;
    return released;
  }
}
