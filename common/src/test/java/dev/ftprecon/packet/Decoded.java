package dev.ftprecon.packet;

/**
 * Test helper: everything {@link PacketDecoder} reports for one frame, as one comparable value, so
 * a test states the complete expected outcome and nothing else can slip through.
 */
record Decoded(
    DecodeStatus status,
    String anomaly,
    int ipVersion,
    String src,
    String dst,
    int srcPort,
    int dstPort,
    long seq,
    long ack,
    int flags,
    int window,
    int payloadOffset,
    int payloadLength,
    int payloadClaimedLength,
    boolean truncated) {

  static Decoded decode(int linkType, byte[] frame) {
    return decode(linkType, frame, 0, frame.length);
  }

  static Decoded decode(int linkType, byte[] buf, int off, int len) {
    PacketDecoder decoder = new PacketDecoder();
    TcpSegment segment = new TcpSegment();
    DecodeStatus status = decoder.decode(linkType, buf, off, len, segment);
    return of(status, decoder, segment);
  }

  /** Decodes a whole frame whose length on the wire is {@code originalLength}. */
  static Decoded decodeWithWireLength(int linkType, byte[] frame, long originalLength) {
    PacketDecoder decoder = new PacketDecoder();
    TcpSegment segment = new TcpSegment();
    DecodeStatus status = decoder.decode(linkType, frame, 0, frame.length, originalLength, segment);
    return of(status, decoder, segment);
  }

  /** This result with another anomaly message (a tolerated irregularity). */
  Decoded withAnomaly(String message) {
    return new Decoded(
        status,
        message,
        ipVersion,
        src,
        dst,
        srcPort,
        dstPort,
        seq,
        ack,
        flags,
        window,
        payloadOffset,
        payloadLength,
        payloadClaimedLength,
        truncated);
  }

  static Decoded of(DecodeStatus status, PacketDecoder decoder, TcpSegment s) {
    if (s.addressLength() != s.srcAddress().length || s.addressLength() != s.dstAddress().length) {
      throw new AssertionError("address arrays do not match addressLength() " + s.addressLength());
    }
    return new Decoded(
        status,
        decoder.lastAnomaly(),
        s.ipVersion(),
        s.srcIp(),
        s.dstIp(),
        s.srcPort(),
        s.dstPort(),
        s.seq(),
        s.ack(),
        s.flags(),
        s.window(),
        s.payloadOffset(),
        s.payloadLength(),
        s.payloadClaimedLength(),
        s.truncated());
  }

  /** The segment of {@link Frames#tcp(ByteWriter)} over IPv4 between SRC4 and DST4. */
  static Decoded tcp4(int payloadOffset, int present, int claimed) {
    return new Decoded(
        DecodeStatus.TCP,
        "",
        4,
        "192.0.2.1",
        "198.51.100.2",
        40000,
        21,
        0x01020304L,
        0xFFFF_FFFEL,
        0x18,
        502,
        payloadOffset,
        present,
        claimed,
        present < claimed);
  }

  /** The segment of {@link Frames#tcp(ByteWriter)} over IPv6 between SRC6 and DST6. */
  static Decoded tcp6(int payloadOffset, int present, int claimed) {
    return new Decoded(
        DecodeStatus.TCP,
        "",
        6,
        "2001:db8::1",
        "2001:db8::2",
        40000,
        21,
        0x01020304L,
        0xFFFF_FFFEL,
        0x18,
        502,
        payloadOffset,
        present,
        claimed,
        present < claimed);
  }

  /** A result without IP fields. */
  static Decoded noIp(DecodeStatus status, String anomaly) {
    return new Decoded(status, anomaly, 0, "", "", 0, 0, 0, 0, 0, 0, 0, 0, 0, false);
  }

  /** A result with the IPv4 header's addresses but no TCP fields. */
  static Decoded ip4Only(DecodeStatus status, String anomaly) {
    return new Decoded(
        status, anomaly, 4, "192.0.2.1", "198.51.100.2", 0, 0, 0, 0, 0, 0, 0, 0, 0, false);
  }

  /** A result with the IPv6 header's addresses but no TCP fields. */
  static Decoded ip6Only(DecodeStatus status, String anomaly) {
    return new Decoded(
        status, anomaly, 6, "2001:db8::1", "2001:db8::2", 0, 0, 0, 0, 0, 0, 0, 0, 0, false);
  }
}
