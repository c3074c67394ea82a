package dev.ftprecon.packet;

/** What {@link PacketDecoder#decode} found in a frame. */
public enum DecodeStatus {
  /**
   * A TCP segment; every field of the {@link TcpSegment} is set. If the capture cut the frame,
   * {@link TcpSegment#truncated()} says so (and {@link PacketDecoder#lastAnomaly()} if the cut went
   * through the TCP header).
   */
  TCP,
  /**
   * A TCP segment put together from IP fragments by a decoder made with {@link
   * PacketDecoder#PacketDecoder(FragmentReassemblyOptions)}, returned for the frame that completed
   * the datagram. Every field is set as for TCP, but the payload is not in the frame: it lies at
   * {@link TcpSegment#payloadOffset()} in {@link TcpSegment#reassembledBytes()} and has no single
   * position in the capture file, so it must be copied to travel.
   */
  TCP_REASSEMBLED,
  /** The link layer carries something other than IP (ARP, LLDP, 802.3 LLC, ...). */
  NOT_IP,
  /** An IP packet whose payload is not TCP (UDP, ICMP, ESP, no next header, ...). */
  NOT_TCP,
  /**
   * An IP fragment that did not complete a datagram: IP version and addresses are set, the TCP
   * fields are not. A decoder without reassembly returns it for every fragment; one with reassembly
   * holds the fragment (or, if it was irregular, counts it in {@link PacketDecoder#fragmentStats()}
   * and names it in {@link PacketDecoder#lastAnomaly()}).
   */
  FRAGMENT,
  /** A header is cut short or inconsistent; {@link PacketDecoder#lastAnomaly()} says which. */
  MALFORMED,
  /** The link type is not one this decoder reads; {@link PacketDecoder#lastAnomaly()} names it. */
  UNSUPPORTED_LINK_TYPE
}
