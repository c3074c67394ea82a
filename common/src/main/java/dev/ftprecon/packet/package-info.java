/**
 * Decodes captured frames down to TCP: link layer (Ethernet with 802.1Q/QinQ tags, Linux cooked
 * v1/v2, raw IP, BSD loopback), IPv4 (RFC 791), IPv6 with its extension headers (RFC 8200),
 * IP-in-IP tunnels such as 6in4 (RFC 4213), and the TCP header (RFC 9293).
 *
 * <p>One purpose: tell for each frame whether it carries a TCP segment and, if so, where its
 * payload lies, without allocating per packet and without ever throwing on bad bytes. {@link
 * dev.ftprecon.packet.PacketDecoder} returns a {@link dev.ftprecon.packet.DecodeStatus} and names
 * the anomaly of a malformed frame; the fields land in a reused {@link
 * dev.ftprecon.packet.TcpSegment}.
 *
 * <p>IP fragments (RFC 791 3.2, RFC 8200 4.5) are put back together by {@link
 * dev.ftprecon.packet.IpFragmentReassembler} when the decoder is made with {@link
 * dev.ftprecon.packet.FragmentReassemblyOptions}: bounded in datagrams, bytes and capture time,
 * overlaps reported, and only fragments allocate.
 */
package dev.ftprecon.packet;
