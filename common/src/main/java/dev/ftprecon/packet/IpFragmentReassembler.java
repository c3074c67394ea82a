package dev.ftprecon.packet;

import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * Puts IPv4 (RFC 791 3.2) and IPv6 (RFC 8200 4.5) fragments back together into the datagram's IP
 * payload. {@link PacketDecoder} feeds it every fragment it meets, outer IPv4 fragments of a 6in4
 * tunnel included, and decodes the completed payload on to TCP. Fragments are keyed by {@link
 * FragmentKey}; what they carry is copied, so frames need not outlive the call.
 *
 * <p>Overlaps. IPv6: a fragment that overlaps bytes already received drops the whole datagram and
 * its later fragments, as RFC 5722 section 4 requires (RFC 8200 4.5 repeats it). IPv4: the first
 * copy of each byte wins, as in our TCP reassembly (dev.ftprecon.tcp.FirstCopySweep) and as a
 * capture analyst wants: nothing already received is overwritten, the new parts are filled in, and
 * the datagram comes out flagged {@link #lastOverlapped()} (and {@link #lastConflicting()} when the
 * bytes disagree). In both versions a fragment whose bytes all arrived before, identical, is a
 * duplicate and ignored (RFC 5722 Errata 3089; a capture taken on a mirror port repeats frames).
 *
 * <p>Bounds: see {@link FragmentReassemblyOptions}. Time is capture time, the highest timestamp
 * offered so far, so out-of-order records never move the clock back. Allocates only for fragments.
 * Never throws on traffic; what went wrong is counted in {@link #stats()}.
 */
public final class IpFragmentReassembler {
  /** RFC 791 3.2, RFC 8200 4.5: fragment offsets count 8-octet units. */
  private static final int FRAGMENT_BLOCK = 8;

  private final FragmentReassemblyOptions options;

  /** In arrival order of each datagram's first fragment, which is also timeout order. */
  private final LinkedHashMap<FragmentKey, PartialDatagram> datagrams = new LinkedHashMap<>();

  private long clock = Long.MIN_VALUE;
  private long heldBytes;
  private int live;

  private long fragments;
  private long reassembled;
  private long duplicates;
  private long overlaps;
  private long conflicts;
  private long droppedOverlapping;
  private long droppedOversized;
  private long droppedInconsistent;
  private long malformedFragments;
  private long discardedFragments;
  private long truncatedFragments;
  private long expired;
  private long evictedForCount;
  private long evictedForBytes;

  private PartialDatagram last;
  private String anomaly = "";

  public IpFragmentReassembler(FragmentReassemblyOptions options) {
    this.options = options;
  }

  public FragmentReassemblyOptions options() {
    return options;
  }

  /**
   * Takes one fragment.
   *
   * @param b array holding the fragment
   * @param dataStart index of the fragment's first data byte (after the IPv4 header or the IPv6
   *     Fragment header)
   * @param presentLength data bytes captured
   * @param claimedLength data bytes the IP length fields announce (more when the capture cut it)
   * @param offset byte offset of the data in the datagram's payload
   * @param more the More Fragments flag
   * @param protocol IPv4 Protocol or the Fragment header's Next Header
   * @return true when this fragment completed its datagram: {@link #datagram()} and the other
   *     {@code last} accessors describe it until the next call
   */
  boolean offer(
      byte[] b,
      int dataStart,
      int presentLength,
      int claimedLength,
      int offset,
      boolean more,
      int protocol,
      FragmentKey key,
      long timestampNanos) {
    fragments++;
    anomaly = "";
    clock = Math.max(clock, timestampNanos);
    expire();
    int present = Math.min(presentLength, claimedLength);
    if (present < claimedLength) {
      truncatedFragments++;
    }
    if (claimedLength == 0 || (more && claimedLength % FRAGMENT_BLOCK != 0)) {
      malformedFragments++;
      anomaly =
          "IP fragment of "
              + claimedLength
              + " bytes at offset "
              + offset
              + " (expected: a non-empty multiple of 8 unless last); discarded";
      return false;
    }
    PartialDatagram d = datagrams.get(key);
    if (d == null) {
      d = admit(key);
    }
    if (d.dropped) {
      discardedFragments++;
      anomaly = "IP fragment of a dropped datagram; discarded";
      return false;
    }
    d.fragments++;
    long end = (long) offset + claimedLength;
    if (end > options.maxDatagramBytes()) {
      droppedOversized++;
      return drop(
          d,
          "IP fragment reaches byte "
              + end
              + " of its datagram (expected: <= "
              + options.maxDatagramBytes()
              + "); datagram dropped");
    }
    int fragmentEnd = (int) end;
    if (!more) {
      if (d.total >= 0 && d.total != fragmentEnd) {
        droppedInconsistent++;
        return drop(
            d,
            "second last IP fragment ends at "
                + fragmentEnd
                + " (expected: "
                + d.total
                + "); datagram dropped");
      }
      d.total = fragmentEnd;
    }
    if (d.total >= 0 && Math.max(fragmentEnd, d.claimed.maxEnd()) > d.total) {
      droppedInconsistent++;
      return drop(
          d,
          "IP fragment data past the end " + d.total + " the last fragment set; datagram dropped");
    }
    if (offset == 0 || d.protocol < 0) {
      d.protocol = protocol;
    }
    if (d.claimed.intersects(offset, fragmentEnd)) {
      boolean conflict = d.differs(b, dataStart, offset, offset + present);
      if (!conflict && d.claimed.covers(offset, fragmentEnd)) {
        duplicates++;
        d.fragments--;
        fillPresent(d, b, dataStart, offset, present); // a snap-length cut copy may lack bytes
        return false;
      }
      overlaps++;
      d.overlapped = true;
      if (conflict) {
        conflicts++;
        d.conflicting = true;
      }
      if (key.ipVersion() == 6) {
        droppedOverlapping++;
        return drop(
            d,
            "overlapping IPv6 fragment at offset "
                + offset
                + (conflict ? " with different bytes" : "")
                + " (RFC 5722); datagram dropped");
      }
      anomaly =
          "overlapping IPv4 fragment at offset "
              + offset
              + (conflict ? " with different bytes" : "")
              + "; first copy kept";
    }
    if (!fillPresent(d, b, dataStart, offset, present)) {
      return false;
    }
    d.claimed.add(offset, fragmentEnd);
    if (!d.complete()) {
      return false;
    }
    datagrams.remove(key);
    heldBytes -= d.bytes.length;
    live--;
    reassembled++;
    last = d;
    return true;
  }

  /** The completed datagram's payload at [0, {@link #datagramPresentLength()}). */
  byte[] datagram() {
    return last.bytes;
  }

  /** Payload length of the completed datagram, as its fragments announce it. */
  int datagramLength() {
    return last.total;
  }

  /** Leading payload bytes the capture holds: less than the length if a snap length cut one. */
  int datagramPresentLength() {
    return Math.min(last.present.prefixEnd(), last.total);
  }

  /** Protocol (IPv4) or Next Header (IPv6, from the first fragment) of the completed payload. */
  int datagramProtocol() {
    return last.protocol;
  }

  /** IP version of the completed datagram. */
  int datagramIpVersion() {
    return last.key.ipVersion();
  }

  /** Fragments the last completed datagram was made of (duplicates not counted). */
  public int lastFragments() {
    return last == null ? 0 : last.fragments;
  }

  /** Whether fragments of the last completed datagram overlapped (IPv4 only; IPv6 drops them). */
  public boolean lastOverlapped() {
    return last != null && last.overlapped;
  }

  /** Whether overlapping fragments of the last completed datagram disagreed on bytes. */
  public boolean lastConflicting() {
    return last != null && last.conflicting;
  }

  /** What was irregular about the last fragment offered; empty if nothing. */
  String lastAnomaly() {
    return anomaly;
  }

  public FragmentStats stats() {
    return new FragmentStats(
        fragments,
        reassembled,
        duplicates,
        overlaps,
        conflicts,
        droppedOverlapping,
        droppedOversized,
        droppedInconsistent,
        malformedFragments,
        discardedFragments,
        truncatedFragments,
        expired,
        evictedForCount,
        evictedForBytes,
        live,
        heldBytes);
  }

  private PartialDatagram admit(FragmentKey key) {
    while (datagrams.size() >= options.maxDatagrams()) {
      PartialDatagram oldest = datagrams.values().iterator().next();
      if (!oldest.dropped) {
        evictedForCount++;
      }
      remove(oldest);
    }
    PartialDatagram d = new PartialDatagram(key, clock);
    datagrams.put(key, d);
    live++;
    return d;
  }

  /** Abandons datagrams whose first fragment is older than the timeout. */
  private void expire() {
    Iterator<PartialDatagram> oldestFirst = datagrams.values().iterator();
    while (oldestFirst.hasNext()) {
      PartialDatagram d = oldestFirst.next();
      if (clock - d.firstNanos <= options.timeoutNanos()) {
        return;
      }
      if (!d.dropped) {
        expired++;
        live--;
      }
      heldBytes -= d.bytes.length;
      oldestFirst.remove();
    }
  }

  /** Writes the present bytes, growing the buffer within the caps; false if it could not. */
  private boolean fillPresent(PartialDatagram d, byte[] b, int dataStart, int offset, int present) {
    if (present == 0) {
      return true;
    }
    int needed = offset + present;
    if (needed > d.bytes.length) {
      int size =
          d.total >= 0
              ? d.total
              : (int) Math.min(options.maxDatagramBytes(), Math.max(needed, 2L * d.bytes.length));
      long growth = size - d.bytes.length;
      Iterator<PartialDatagram> oldestFirst = datagrams.values().iterator();
      while (heldBytes + growth > options.maxTotalBytes() && oldestFirst.hasNext()) {
        PartialDatagram victim = oldestFirst.next();
        if (victim != d) {
          evictedForBytes += victim.dropped ? 0 : 1;
          live -= victim.dropped ? 0 : 1;
          heldBytes -= victim.bytes.length;
          oldestFirst.remove();
        }
      }
      if (heldBytes + growth > options.maxTotalBytes()) {
        evictedForBytes++;
        anomaly = "IP fragment buffers full (" + options.maxTotalBytes() + " bytes); evicted";
        remove(d);
        return false;
      }
      d.bytes = java.util.Arrays.copyOf(d.bytes, size);
      heldBytes += growth;
    }
    d.fill(b, dataStart, offset, offset + present);
    return true;
  }

  private boolean drop(PartialDatagram d, String why) {
    heldBytes -= d.drop();
    live--;
    anomaly = why;
    return false;
  }

  private void remove(PartialDatagram d) {
    datagrams.remove(d.key);
    heldBytes -= d.bytes.length;
    if (!d.dropped) {
      live--;
    }
  }
}
