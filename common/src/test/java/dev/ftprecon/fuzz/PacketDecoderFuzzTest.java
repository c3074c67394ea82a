package dev.ftprecon.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ftprecon.ftp.HostPort;
import dev.ftprecon.packet.DecodeStatus;
import dev.ftprecon.packet.PacketDecoder;
import dev.ftprecon.packet.TcpSegment;
import java.util.Arrays;

/**
 * {@link PacketDecoder#decode} on arbitrary frames of every link type it reads (and of others).
 * Contract: never throws on bad bytes; reads only the frame's bytes (decoding the frame between
 * guard bytes of 0x00 and of 0xFF gives the same answer); a TCP answer's payload lies inside the
 * captured frame and its claimed length inside the frame on the wire; MALFORMED and
 * UNSUPPORTED_LINK_TYPE come with an anomaly text; decoding allocates nothing but that text; and
 * decoded addresses are in the canonical text form FTP addresses are compared in.
 *
 * <p>Input layout: one byte choosing the link type (the supported ones, else the next two bytes as
 * a link type), one byte choosing the original length (unknown, the captured length, the next four
 * bytes, or the captured length minus the next byte), one byte of guard length, then the frame.
 */
class PacketDecoderFuzzTest {
  /** Every LINKTYPE_ the decoder reads (LinkLayer.SUPPORTED). */
  private static final int[] LINK_TYPES = {0, 1, 12, 14, 101, 108, 113, 228, 229, 276};

  private static final int ORIGINAL_UNKNOWN = 0;
  private static final int ORIGINAL_CAPTURED = 1;
  private static final int ORIGINAL_FIELD = 2;

  /** An anomaly message is a short text; anything beyond this is an allocation per packet. */
  private static final long MAX_ALLOCATED_BYTES_PER_FRAME = 4096;

  private final PacketDecoder decoder = new PacketDecoder();
  private final PacketDecoder otherDecoder = new PacketDecoder();
  private final TcpSegment segment = new TcpSegment();
  private final TcpSegment otherSegment = new TcpSegment();

  @FuzzTest(maxDuration = "4s")
  void decodeFrame(byte[] input) throws Exception {
    Watchdog.run(() -> check(input));
  }

  private void check(byte[] input) {
    FuzzBytes in = new FuzzBytes(input);
    int linkChoice = in.u8();
    int linkType =
        linkChoice < 4 * LINK_TYPES.length ? LINK_TYPES[linkChoice % LINK_TYPES.length] : in.u16();
    int originalChoice = in.u8() % 4;
    long originalField = originalChoice == ORIGINAL_FIELD ? in.u32() : in.u8();
    int guard = in.u8() % 16;
    byte[] frame = in.rest();
    int len = frame.length;
    long original =
        switch (originalChoice) {
          case ORIGINAL_UNKNOWN -> -1;
          case ORIGINAL_CAPTURED -> len;
          case ORIGINAL_FIELD -> originalField;
          default -> Math.max(0, len - originalField);
        };

    byte[] zeros = embed(frame, guard, (byte) 0);
    byte[] ones = embed(frame, guard, (byte) 0xFF);
    DecodeStatus status = decode(decoder, linkType, zeros, guard, len, original, segment);
    // The same frame a second time, measured: the first call may load classes and link call sites.
    long before = Allocations.current();
    DecodeStatus again = decode(decoder, linkType, zeros, guard, len, original, segment);
    long allocated = Allocations.since(before);
    assertThat(again).isEqualTo(status);
    if (allocated >= 0) {
      assertThat(allocated)
          .as("bytes allocated decoding one frame (anomaly: %s)", decoder.lastAnomaly())
          .isLessThanOrEqualTo(MAX_ALLOCATED_BYTES_PER_FRAME);
    }
    String anomaly = decoder.lastAnomaly();
    String fields = segment.toString();

    DecodeStatus other = decode(otherDecoder, linkType, ones, guard, len, original, otherSegment);
    assertThat(other).as("status with other guard bytes around the frame").isEqualTo(status);
    assertThat(otherDecoder.lastAnomaly()).isEqualTo(anomaly);
    assertThat(otherSegment.toString()).isEqualTo(fields);

    checkSegment(status, anomaly, len, original);
  }

  private static DecodeStatus decode(
      PacketDecoder decoder,
      int linkType,
      byte[] buf,
      int off,
      int len,
      long original,
      TcpSegment out) {
    return original < 0
        ? decoder.decode(linkType, buf, off, len, out)
        : decoder.decode(linkType, buf, off, len, original, out);
  }

  private static byte[] embed(byte[] frame, int guard, byte fill) {
    byte[] buf = new byte[guard + frame.length + guard];
    Arrays.fill(buf, fill);
    System.arraycopy(frame, 0, buf, guard, frame.length);
    return buf;
  }

  private void checkSegment(DecodeStatus status, String anomaly, int len, long original) {
    assertThat(anomaly).isNotNull();
    switch (status) {
      case MALFORMED, UNSUPPORTED_LINK_TYPE -> assertThat(anomaly).isNotBlank();
      default -> {}
    }
    switch (status) {
      case NOT_IP, UNSUPPORTED_LINK_TYPE -> assertThat(segment.ipVersion()).isZero();
      case TCP, NOT_TCP, FRAGMENT -> {
        assertThat(segment.ipVersion()).isIn(4, 6);
        checkAddress(segment.srcIp());
        checkAddress(segment.dstIp());
      }
      default -> assertThat(segment.ipVersion()).isIn(0, 4, 6);
    }
    if (status != DecodeStatus.TCP) {
      return;
    }
    assertThat(segment.srcPort()).isBetween(0, 65535);
    assertThat(segment.dstPort()).isBetween(0, 65535);
    assertThat(segment.seq()).isBetween(0L, 0xFFFF_FFFFL);
    assertThat(segment.ack()).isBetween(0L, 0xFFFF_FFFFL);
    assertThat(segment.flags()).isBetween(0, 255);
    assertThat(segment.window()).isBetween(0, 65535);
    assertThat(segment.payloadOffset()).isNotNegative();
    assertThat(segment.payloadLength()).isBetween(0, segment.payloadClaimedLength());
    if (segment.payloadLength() > 0) {
      assertThat(segment.payloadOffset() + segment.payloadLength())
          .as("payload inside the captured frame")
          .isLessThanOrEqualTo(len);
    }
    long wire = Math.max(len, original < 0 ? Long.MAX_VALUE : original);
    assertThat((long) segment.payloadOffset() + segment.payloadClaimedLength())
        .as("claimed payload inside the frame on the wire")
        .isLessThanOrEqualTo(wire);
    assertThat(segment.truncated())
        .isEqualTo(segment.payloadClaimedLength() > segment.payloadLength());
  }

  /** The decoder's text is the canonical one that addresses parsed from FTP commands get. */
  private static void checkAddress(String ip) {
    assertThat(new HostPort(ip, 0).ip()).isEqualTo(ip);
  }
}
