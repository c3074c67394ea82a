package dev.ftprecon.packet;

/** What {@link PacketDecoder#decode} found in a frame. */
public enum DecodeStatus {
  /**
   * A TCP segment; every field of the {@link TcpSegment} is set. If the capture cut the frame,
   * {@link TcpSegment#truncated()} says so (and {@link PacketDecoder#lastAnomaly()} if the cut went
   * through the TCP header).
   */
  TCP,
  /** The link layer carries something other than IP (ARP, LLDP, 802.3 LLC, ...). */
  NOT_IP,
  /** An IP packet whose payload is not TCP (UDP, ICMP, ESP, no next header, ...). */
  NOT_TCP,
  /**
   * An IP fragment (not the whole datagram): IP version and addresses are set, the TCP fields are
   * not. Reassembly is left to a later stage.
   */
  FRAGMENT,
  /** A header is cut short or inconsistent; {@link PacketDecoder#lastAnomaly()} says which. */
  MALFORMED,
  /** The link type is not one this decoder reads; {@link PacketDecoder#lastAnomaly()} names it. */
  UNSUPPORTED_LINK_TYPE
}
