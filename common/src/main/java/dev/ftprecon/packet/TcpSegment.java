package dev.ftprecon.packet;

/**
 * The TCP segment {@link PacketDecoder} found in a frame: a mutable holder the decoder overwrites
 * on every call so that decoding allocates nothing per packet. Fields are meaningful as far as the
 * returned {@link DecodeStatus} says: IP version and addresses for TCP, NOT_TCP and FRAGMENT; all
 * fields for TCP. In a tunnel (6in4, IP-in-IP) the addresses are those of the innermost header.
 */
public final class TcpSegment {
  // TCP control bits, RFC 9293 section 3.1 (byte 13 of the header).
  public static final int FIN = 0x01;
  public static final int SYN = 0x02;
  public static final int RST = 0x04;
  public static final int PSH = 0x08;
  public static final int ACK = 0x10;
  public static final int URG = 0x20;

  /** RFC 3168 ECN-Echo. */
  public static final int ECE = 0x40;

  /** RFC 3168 Congestion Window Reduced. */
  public static final int CWR = 0x80;

  private static final byte[] NO_ADDRESS = new byte[0];

  private final byte[] srcIpv4 = new byte[4];
  private final byte[] dstIpv4 = new byte[4];
  private final byte[] srcIpv6 = new byte[16];
  private final byte[] dstIpv6 = new byte[16];
  private int ipVersion;
  private int srcPort;
  private int dstPort;
  private long seq;
  private long ack;
  private int flags;
  private int window;
  private int payloadOffset;
  private int payloadLength;
  private int payloadClaimedLength;
  private byte[] reassembledBytes;

  /** 4 or 6; 0 when no IP header was decoded. */
  public int ipVersion() {
    return ipVersion;
  }

  /** 4 for IPv4, 16 for IPv6, 0 without IP; also the length of the address arrays. */
  public int addressLength() {
    return ipVersion == 6 ? 16 : ipVersion == 4 ? 4 : 0;
  }

  /** Source address bytes; the array is reused by the next decode, copy it to keep it. */
  public byte[] srcAddress() {
    return ipVersion == 6 ? srcIpv6 : ipVersion == 4 ? srcIpv4 : NO_ADDRESS;
  }

  /** Destination address bytes; the array is reused by the next decode, copy it to keep it. */
  public byte[] dstAddress() {
    return ipVersion == 6 ? dstIpv6 : ipVersion == 4 ? dstIpv4 : NO_ADDRESS;
  }

  /** Source address as text: dotted quad, or RFC 5952 form for IPv6. Allocates. */
  public String srcIp() {
    return IpAddressFormatter.format(srcAddress());
  }

  /** Destination address as text: dotted quad, or RFC 5952 form for IPv6. Allocates. */
  public String dstIp() {
    return IpAddressFormatter.format(dstAddress());
  }

  public int srcPort() {
    return srcPort;
  }

  public int dstPort() {
    return dstPort;
  }

  /** Sequence number as sent (not relative), unsigned 32 bits. */
  public long seq() {
    return seq;
  }

  /** Acknowledgment number as sent, unsigned 32 bits; meaningful when {@link #ACK} is set. */
  public long ack() {
    return ack;
  }

  /** Control bits: a combination of {@link #FIN} ... {@link #CWR}. */
  public int flags() {
    return flags;
  }

  /** Window field as sent (unscaled); 0 if the capture cut the header before it. */
  public int window() {
    return window;
  }

  /**
   * Index of the first payload byte relative to the start of the frame; past the captured bytes
   * (with {@link #payloadLength()} 0) when the capture cut the TCP header. For a {@link
   * #reassembled()} segment, the index in {@link #reassembledBytes()} instead.
   */
  public int payloadOffset() {
    return payloadOffset;
  }

  /** Payload bytes present in the captured frame (at most {@link #payloadClaimedLength()}). */
  public int payloadLength() {
    return payloadLength;
  }

  /** Payload bytes the IP length fields announce: the segment's length on the wire. */
  public int payloadClaimedLength() {
    return payloadClaimedLength;
  }

  /** Whether the capture cut the payload short (snaplen): claimed more than present. */
  public boolean truncated() {
    return payloadClaimedLength > payloadLength;
  }

  /**
   * Whether the segment was put together from IP fragments ({@link DecodeStatus#TCP_REASSEMBLED}):
   * its payload then lies in {@link #reassembledBytes()}, not in the frame, and has no single
   * position in the capture file.
   */
  public boolean reassembled() {
    return reassembledBytes != null;
  }

  /**
   * The reassembled IP payload holding a {@link #reassembled()} segment's payload at {@link
   * #payloadOffset()}; null otherwise. Reused by the decoder: copy what you need before the next
   * decode.
   */
  public byte[] reassembledBytes() {
    return reassembledBytes;
  }

  /**
   * Copies the payload bytes present, wherever they lie: in the frame ({@code frame} from {@code
   * frameOffset}, as passed to the decoder) or, for a reassembled segment, in the reassembly
   * buffer. Allocates.
   */
  public byte[] copyPayload(byte[] frame, int frameOffset) {
    byte[] source = reassembled() ? reassembledBytes : frame;
    int from = reassembled() ? payloadOffset : frameOffset + payloadOffset;
    return java.util.Arrays.copyOfRange(source, from, from + payloadLength);
  }

  void clear() {
    ipVersion = 0;
    srcPort = 0;
    dstPort = 0;
    seq = 0;
    ack = 0;
    flags = 0;
    window = 0;
    payloadOffset = 0;
    payloadLength = 0;
    payloadClaimedLength = 0;
    reassembledBytes = null;
  }

  void setIpv4(byte[] b, int srcAt, int dstAt) {
    ipVersion = 4;
    System.arraycopy(b, srcAt, srcIpv4, 0, 4);
    System.arraycopy(b, dstAt, dstIpv4, 0, 4);
  }

  void setIpv6(byte[] b, int srcAt, int dstAt) {
    ipVersion = 6;
    System.arraycopy(b, srcAt, srcIpv6, 0, 16);
    System.arraycopy(b, dstAt, dstIpv6, 0, 16);
  }

  void setHeader(int srcPort, int dstPort, long seq, long ack, int flags, int window) {
    this.srcPort = srcPort;
    this.dstPort = dstPort;
    this.seq = seq;
    this.ack = ack;
    this.flags = flags;
    this.window = window;
  }

  void setReassembled(byte[] datagram) {
    reassembledBytes = datagram;
  }

  void setPayload(int offset, int present, int claimed) {
    payloadOffset = offset;
    payloadLength = present;
    payloadClaimedLength = claimed;
  }

  @Override
  public String toString() {
    return "TcpSegment["
        + (ipVersion == 0 ? "no IP" : srcIp() + ":" + srcPort + " > " + dstIp() + ":" + dstPort)
        + ", seq="
        + seq
        + ", ack="
        + ack
        + ", flags=0x"
        + Integer.toHexString(flags)
        + ", window="
        + window
        + ", payload="
        + payloadLength
        + "/"
        + payloadClaimedLength
        + " at "
        + payloadOffset
        + (reassembled() ? " of the reassembled datagram" : "")
        + "]";
  }
}
