package dev.ftprecon.packet;

import java.util.concurrent.TimeUnit;

/**
 * Caps and clock of {@link IpFragmentReassembler}: everything it holds grows with the traffic, so
 * everything is bounded.
 *
 * @param maxDatagrams incomplete datagrams held at once (dropped ones remembered to discard their
 *     late fragments count too); past it the oldest is evicted
 * @param maxDatagramBytes largest reassembled IP payload; a fragment reaching past it drops its
 *     datagram (the "ping of death" pattern). The default, 65535, holds any legal datagram: an IPv4
 *     total length is at most 65535 with the header (RFC 791 3.1), an IPv6 payload length at most
 *     65535 with the Fragment header (RFC 8200 section 3 and 4.5)
 * @param maxTotalBytes buffer bytes held by all incomplete datagrams together; past it the oldest
 *     are evicted. At least {@code maxDatagramBytes}
 * @param timeoutNanos capture time after the first fragment of a datagram arrived at which an
 *     incomplete datagram is abandoned. Default 60 s: RFC 8200 4.5 (IPv6) says 60 seconds, RFC 1122
 *     3.3.2 recommends 60 to 120 seconds for IPv4 (Linux uses 30 s, net.ipv4.ipfrag_time, and 60 s
 *     for IPv6, ip6frag_time)
 */
public record FragmentReassemblyOptions(
    int maxDatagrams, int maxDatagramBytes, long maxTotalBytes, long timeoutNanos) {

  public static final int DEFAULT_MAX_DATAGRAMS = 4096;
  public static final int DEFAULT_MAX_DATAGRAM_BYTES = 65535;

  /** 32 MiB: eight times Linux's net.ipv4.ipfrag_high_thresh (4 MiB), as a task reads offline. */
  public static final long DEFAULT_MAX_TOTAL_BYTES = 32L * 1024 * 1024;

  public static final long DEFAULT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

  public static final FragmentReassemblyOptions DEFAULTS =
      new FragmentReassemblyOptions(
          DEFAULT_MAX_DATAGRAMS,
          DEFAULT_MAX_DATAGRAM_BYTES,
          DEFAULT_MAX_TOTAL_BYTES,
          DEFAULT_TIMEOUT_NANOS);

  public FragmentReassemblyOptions {
    if (maxDatagrams < 1) {
      throw new IllegalArgumentException("maxDatagrams " + maxDatagrams + " (expected: 1+)");
    }
    if (maxDatagramBytes < 8) {
      throw new IllegalArgumentException(
          "maxDatagramBytes " + maxDatagramBytes + " (expected: 8+, one fragment block)");
    }
    if (maxTotalBytes < maxDatagramBytes) {
      throw new IllegalArgumentException(
          "maxTotalBytes "
              + maxTotalBytes
              + " (expected: >= maxDatagramBytes "
              + maxDatagramBytes
              + ")");
    }
    if (timeoutNanos < 1) {
      throw new IllegalArgumentException("timeoutNanos " + timeoutNanos + " (expected: 1+)");
    }
  }
}
