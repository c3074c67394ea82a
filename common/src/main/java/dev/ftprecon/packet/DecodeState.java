package dev.ftprecon.packet;

/**
 * Scratch state handed from layer to layer while one frame is decoded: where the next header
 * starts, how far the captured bytes and the claimed lengths reach, and how decoding ended. Reused
 * across frames.
 */
final class DecodeState {
  /** Link layer says IPv4 (EtherType 0x0800, AF_INET, LINKTYPE_IPV4, IP protocol 4). */
  static final int NETWORK_IPV4 = 4;

  /** Link layer says IPv6 (EtherType 0x86DD, AF_INET6, LINKTYPE_IPV6, IP protocol 41). */
  static final int NETWORK_IPV6 = 6;

  /** Link layer says "IP" and leaves the version to the first nibble (LINKTYPE_RAW). */
  static final int NETWORK_ANY_IP = 0;

  /** Claimed end before any IP header has claimed a length: no limit. */
  static final int UNLIMITED = Integer.MAX_VALUE;

  /** Index in the buffer of the first byte of the frame. */
  int frameStart;

  /** Index of the first byte of the header the next layer decodes. */
  int start;

  /** Index one past the last captured byte that belongs to the current packet. */
  int capturedEnd;

  /** Index one past the last byte the enclosing IP header claims (may exceed capturedEnd). */
  int claimedEnd;

  /**
   * Index one past the last byte the frame had on the wire (its original length); no IP length may
   * reach past it. At least {@link #capturedEnd}.
   */
  int wireEnd;

  /** Network protocol the link layer announced: one of the NETWORK_ constants. */
  int network;

  /** IP protocol number of what follows the IP headers (RFC 5237 registry). */
  int protocol;

  /**
   * Set with status FRAGMENT: the fragment's identification (IPv4 16 bits, IPv6 32 bits), the byte
   * offset of its data in the datagram, and the More Fragments flag. {@link #start} is then at the
   * fragment's data and {@link #protocol} the protocol (IPv4) or Next Header (IPv6 Fragment header)
   * of what the data belongs to.
   */
  long fragmentId;

  int fragmentOffset;
  boolean moreFragments;

  /** How decoding ended, when a layer stops it. */
  DecodeStatus status;

  /**
   * Message for MALFORMED and UNSUPPORTED_LINK_TYPE, or for a tolerated irregularity of a frame
   * that was decoded anyway; empty otherwise.
   */
  String anomaly = "";

  /**
   * @param originalLength the frame's length on the wire, Long.MAX_VALUE if unknown; values below
   *     {@code len} (an impossible record) count as {@code len}
   */
  void begin(int off, int len, long originalLength) {
    frameStart = off;
    start = off;
    capturedEnd = off + len;
    claimedEnd = UNLIMITED;
    long wire = Math.max(len, originalLength);
    wireEnd = wire >= UNLIMITED - off ? UNLIMITED : (int) (off + wire);
    network = NETWORK_ANY_IP;
    protocol = -1;
    status = null;
    anomaly = "";
  }

  /**
   * Continues decoding in a reassembled datagram payload of {@code claimed} bytes, of which the
   * first {@code present} were captured; offsets then index the reassembler's buffer.
   */
  void beginReassembled(int present, int claimed) {
    frameStart = 0;
    start = 0;
    capturedEnd = present;
    claimedEnd = claimed;
    wireEnd = claimed;
    status = null;
  }

  /** Bytes captured from {@link #start} on. */
  int present() {
    return capturedEnd - start;
  }

  /** Ends decoding with a status that needs no explanation; returns false for call chaining. */
  boolean stop(DecodeStatus result) {
    status = result;
    return false;
  }

  /** Ends decoding with an explained status; returns false for call chaining. */
  boolean fail(DecodeStatus result, String message) {
    status = result;
    anomaly = message;
    return false;
  }

  /** Records an irregularity that decoding works around; decoding goes on. */
  void tolerate(String message) {
    anomaly = message;
  }

  boolean malformed(String message) {
    return fail(DecodeStatus.MALFORMED, message);
  }
}
