package dev.ftprecon.packet;

import java.util.Objects;

/**
 * Decodes one captured frame down to its TCP segment. Holds only reusable scratch state: create one
 * per thread (and per capture file, if it reassembles fragments) and call {@link #decode} for every
 * frame; nothing is allocated per packet except the anomaly message of a malformed one, and the
 * buffers of IP fragments. Never throws on bad bytes.
 *
 * <p>Made with {@link #PacketDecoder(FragmentReassemblyOptions)} it reassembles IPv4 and IPv6
 * fragments (an {@link IpFragmentReassembler}): a fragment that does not complete its datagram is
 * FRAGMENT, the one that completes it yields {@link DecodeStatus#TCP_REASSEMBLED} (or NOT_TCP, or
 * MALFORMED, for what the datagram carries).
 */
public final class PacketDecoder {
  /** IANA protocol numbers. */
  private static final int PROTOCOL_IPV4 = 4;

  private static final int PROTOCOL_TCP = 6;
  private static final int PROTOCOL_IPV6 = 41;

  /** Original length meaning "unknown": no bound on what IP headers may claim. */
  private static final long UNKNOWN_LENGTH = Long.MAX_VALUE;

  /**
   * IP headers accepted in one frame, counting tunnel layers (6in4 is 2). Bounds the recursion a
   * crafted packet of nested IP headers could cause.
   */
  static final int MAX_IP_HEADERS = 4;

  private final DecodeState state = new DecodeState();

  /** The bytes decoding walks: the frame's buffer, or a reassembled datagram's payload. */
  private byte[] current;

  private final LinkLayer linkLayer = new LinkLayer();
  private final Ipv4Layer ipv4 = new Ipv4Layer();
  private final Ipv6Layer ipv6 = new Ipv6Layer();
  private final TcpLayer tcp = new TcpLayer();
  private final Ipv6ExtensionHeaders extensionHeaders = new Ipv6ExtensionHeaders();

  /** Null when fragments are reported as FRAGMENT and left alone. */
  private final IpFragmentReassembler reassembler;

  /** Capture time of the frame being decoded, for the reassembler's timeout. */
  private long timestampNanos;

  /** Decodes without fragment reassembly: every fragment is reported as FRAGMENT. */
  public PacketDecoder() {
    this.reassembler = null;
  }

  /** Decodes and reassembles IP fragments within the given bounds. */
  public PacketDecoder(FragmentReassemblyOptions reassembly) {
    this.reassembler = new IpFragmentReassembler(Objects.requireNonNull(reassembly));
  }

  /**
   * Decodes a frame whose length on the wire is unknown: IP length fields are trusted up to any
   * size, so a frame cut by the capture's snap length shows as {@link TcpSegment#truncated()}.
   * Prefer {@link #decode(int, byte[], int, int, long, TcpSegment)} when the original length is
   * known.
   *
   * @see #decode(int, byte[], int, int, long, TcpSegment)
   */
  public DecodeStatus decode(int linkType, byte[] buf, int off, int len, TcpSegment out) {
    return decode(linkType, buf, off, len, UNKNOWN_LENGTH, out);
  }

  /**
   * Decodes a frame. A decoder that reassembles fragments keeps its clock at the last timestamp
   * given to {@link #decode(int, byte[], int, int, long, long, TcpSegment)}: use that one to have
   * incomplete datagrams time out.
   *
   * @param linkType the LINKTYPE_ value of the capture interface
   * @param buf array holding the frame
   * @param off index of the frame's first byte in {@code buf}
   * @param len captured length of the frame
   * @param originalLength length of the frame on the wire (the capture record's original length):
   *     IP lengths claiming more are trimmed to it, as Wireshark does
   * @param out receives the decoded fields; overwritten, also when the result is not TCP
   * @return what the frame carries; for MALFORMED and UNSUPPORTED_LINK_TYPE see {@link
   *     #lastAnomaly()}
   * @throws IndexOutOfBoundsException if {@code off}/{@code len} do not lie within {@code buf}: a
   *     caller error, not bad bytes
   */
  public DecodeStatus decode(
      int linkType, byte[] buf, int off, int len, long originalLength, TcpSegment out) {
    return decode(linkType, buf, off, len, originalLength, timestampNanos, out);
  }

  /**
   * Decodes a frame captured at {@code timestampNanos}: the clock of fragment reassembly, which
   * abandons datagrams left incomplete for longer than its timeout. Without reassembly the same as
   * {@link #decode(int, byte[], int, int, long, TcpSegment)}.
   *
   * @param timestampNanos capture time of the frame (any epoch, nanoseconds)
   */
  public DecodeStatus decode(
      int linkType,
      byte[] buf,
      int off,
      int len,
      long originalLength,
      long timestampNanos,
      TcpSegment out) {
    Objects.checkFromIndexSize(off, len, buf.length);
    this.timestampNanos = timestampNanos;
    out.clear();
    state.begin(off, len, originalLength);
    current = buf;
    if (!linkLayer.decode(linkType, buf, state) || !decodeIp(out)) {
      return state.status;
    }
    if (state.protocol != PROTOCOL_TCP) {
      return DecodeStatus.NOT_TCP;
    }
    if (!tcp.decode(current, state, out)) {
      return state.status;
    }
    if (current != buf) {
      out.setReassembled(current);
      return DecodeStatus.TCP_REASSEMBLED;
    }
    return DecodeStatus.TCP;
  }

  /** What fragment reassembly did so far; {@link FragmentStats#NONE} without reassembly. */
  public FragmentStats fragmentStats() {
    return reassembler == null ? FragmentStats.NONE : reassembler.stats();
  }

  /**
   * The reassembler, for what it says about the datagram behind the last TCP_REASSEMBLED result
   * (fragments, overlaps); null without reassembly.
   */
  public IpFragmentReassembler reassembler() {
    return reassembler;
  }

  /**
   * What was wrong with the last frame: why it was MALFORMED or UNSUPPORTED_LINK_TYPE (e.g. {@code
   * truncated IPv4 header: 14 bytes (expected: 20+)}), or an irregularity decoding worked around
   * (an IP length longer than the frame on the wire); empty if there was none.
   */
  public String lastAnomaly() {
    return state.anomaly;
  }

  /**
   * Decodes the IP header and any IP-in-IP tunnel inside it, up to the transport header. A fragment
   * that completes its datagram moves decoding into the reassembled payload ({@link #current}).
   */
  private boolean decodeIp(TcpSegment out) {
    int network = state.network;
    for (int headers = 1; ; headers++) {
      if (network == DecodeState.NETWORK_ANY_IP) {
        // Raw IP link types leave the version to the first nibble of the packet.
        boolean six = state.present() > 0 && NetworkBytes.u8(current, state.start) >>> 4 == 6;
        network = six ? DecodeState.NETWORK_IPV6 : DecodeState.NETWORK_IPV4;
      }
      boolean decoded =
          network == DecodeState.NETWORK_IPV6
              ? ipv6.decode(current, state, out)
              : ipv4.decode(current, state, out);
      if (!decoded && state.status == DecodeStatus.FRAGMENT && reassembler != null) {
        decoded = reassemble(out);
      }
      if (!decoded) {
        return false;
      }
      if (state.protocol == PROTOCOL_IPV6) {
        network = DecodeState.NETWORK_IPV6; // RFC 4213 6in4, or IPv6-in-IPv6 (RFC 2473)
      } else if (state.protocol == PROTOCOL_IPV4) {
        network = DecodeState.NETWORK_IPV4; // RFC 2003 IP-in-IP
      } else {
        return true;
      }
      if (headers == MAX_IP_HEADERS) {
        return state.malformed(
            "more than "
                + MAX_IP_HEADERS
                + " nested IP headers (expected: <= "
                + MAX_IP_HEADERS
                + ")");
      }
    }
  }

  /**
   * Hands the fragment {@link #state} describes to the reassembler; if that completes the datagram,
   * points decoding at its payload (through any IPv6 extension headers after the Fragment header,
   * RFC 8200 4.5) and returns true. Otherwise the status stays FRAGMENT.
   */
  private boolean reassemble(TcpSegment out) {
    int ipVersion = out.ipVersion();
    FragmentKey key = FragmentKey.of(out, state.protocol, state.fragmentId);
    boolean complete =
        reassembler.offer(
            current,
            state.start,
            Math.max(0, state.capturedEnd - state.start),
            state.claimedEnd - state.start,
            state.fragmentOffset,
            state.moreFragments,
            state.protocol,
            key,
            timestampNanos);
    if (!reassembler.lastAnomaly().isEmpty()) {
      state.anomaly = reassembler.lastAnomaly();
    }
    if (!complete) {
      return false;
    }
    current = reassembler.datagram();
    state.beginReassembled(reassembler.datagramPresentLength(), reassembler.datagramLength());
    int protocol = reassembler.datagramProtocol();
    if (ipVersion == 6) {
      return extensionHeaders.skip(current, state, protocol);
    }
    state.protocol = protocol;
    return true;
  }
}
