package dev.ftprecon.packet;

/**
 * What {@link IpFragmentReassembler} did so far: a snapshot, taken by {@link
 * IpFragmentReassembler#stats()}. Every fragment lands in exactly one place: it completes or joins
 * a datagram, or is counted as a duplicate, malformed or discarded.
 *
 * @param fragments fragments offered
 * @param reassembled datagrams completed
 * @param duplicates fragments whose every byte had arrived before, identical: ignored (RFC 5722
 *     Errata 3089; Linux's IPFRAG_DUP)
 * @param overlaps fragments that overlap bytes already received and are not duplicates
 * @param conflicts overlapping fragments whose bytes differ from those received before
 * @param droppedOverlapping IPv6 datagrams dropped for an overlap (RFC 5722 section 4)
 * @param droppedOversized datagrams dropped for reaching past {@code maxDatagramBytes}
 * @param droppedInconsistent datagrams dropped because fragments disagree on where it ends
 * @param malformedFragments fragments discarded alone: empty, or not the last and not a multiple of
 *     8 bytes long (RFC 8200 4.5, RFC 791 3.2)
 * @param discardedFragments fragments of a datagram already dropped
 * @param truncatedFragments fragments the capture cut short (snap length); their datagram comes out
 *     with its payload truncated
 * @param expired incomplete datagrams abandoned at the timeout
 * @param evictedForCount incomplete datagrams evicted to stay within {@code maxDatagrams}
 * @param evictedForBytes incomplete datagrams evicted to stay within {@code maxTotalBytes}
 * @param pending incomplete datagrams held now
 * @param pendingBytes buffer bytes they hold
 */
public record FragmentStats(
    long fragments,
    long reassembled,
    long duplicates,
    long overlaps,
    long conflicts,
    long droppedOverlapping,
    long droppedOversized,
    long droppedInconsistent,
    long malformedFragments,
    long discardedFragments,
    long truncatedFragments,
    long expired,
    long evictedForCount,
    long evictedForBytes,
    long pending,
    long pendingBytes) {

  /** All zero: what a decoder without reassembly reports. */
  public static final FragmentStats NONE =
      new FragmentStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
