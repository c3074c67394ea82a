package dev.ftprecon.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pcap4j.packet.Dot1qVlanTagPacket;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IpV4EndOfOptionList;
import org.pcap4j.packet.IpV4NoOperationOption;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.IpV4Rfc791Tos;
import org.pcap4j.packet.IpV6ExtDestinationOptionsPacket;
import org.pcap4j.packet.IpV6ExtOptionsPacket;
import org.pcap4j.packet.IpV6Packet;
import org.pcap4j.packet.IpV6PadNOption;
import org.pcap4j.packet.IpV6SimpleFlowLabel;
import org.pcap4j.packet.IpV6SimpleTrafficClass;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.TcpMaximumSegmentSizeOption;
import org.pcap4j.packet.TcpNoOperationOption;
import org.pcap4j.packet.TcpPacket;
import org.pcap4j.packet.TcpSackPermittedOption;
import org.pcap4j.packet.TcpWindowScaleOption;
import org.pcap4j.packet.UnknownPacket;
import org.pcap4j.packet.namednumber.EtherType;
import org.pcap4j.packet.namednumber.IpNumber;
import org.pcap4j.packet.namednumber.IpVersion;
import org.pcap4j.packet.namednumber.TcpPort;
import org.pcap4j.util.MacAddress;

/**
 * Builds Ethernet/[802.1Q]/IPv4-or-IPv6/TCP frames with pcap4j from seeded random field values,
 * lets pcap4j parse the bytes back, and checks that our decoder reports the same fields.
 */
class Pcap4jCrossCheckTest {
  private static final int FRAMES = 400;
  private static final int ETHERNET = 1;

  @Test
  void decodesWhatPcap4jBuildsAndParses() throws Exception {
    Random random = new Random(0x7C9_2013L);
    PacketDecoder decoder = new PacketDecoder();
    TcpSegment segment = new TcpSegment();
    int ipv6Frames = 0;
    int paddedFrames = 0;
    for (int i = 0; i < FRAMES; i++) {
      boolean ipv6 = random.nextBoolean();
      byte[] raw = buildFrame(random, ipv6).getRawData();
      EthernetPacket parsed = EthernetPacket.newPacket(raw, 0, raw.length);

      DecodeStatus status = decoder.decode(ETHERNET, raw, 0, raw.length, segment);

      String context = "frame " + i + ": " + parsed;
      assertThat(status).as(context).isEqualTo(DecodeStatus.TCP);
      assertSameAsPcap4j(parsed, raw, segment, context);
      ipv6Frames += ipv6 ? 1 : 0;
      paddedFrames += parsed.getPad().length > 0 ? 1 : 0;
    }
    // The seed must exercise both IP versions and Ethernet padding.
    assertThat(ipv6Frames).isBetween(FRAMES / 4, 3 * FRAMES / 4);
    assertThat(paddedFrames).isPositive();
  }

  @Test
  void reportsTheClaimedPayloadOfFramesCutByASnapLength() throws Exception {
    Random random = new Random(65_535L);
    PacketDecoder decoder = new PacketDecoder();
    TcpSegment segment = new TcpSegment();
    int truncated = 0;
    for (int i = 0; i < FRAMES; i++) {
      byte[] whole = buildFrame(random, random.nextBoolean()).getRawData();
      TcpPacket tcp = EthernetPacket.newPacket(whole, 0, whole.length).get(TcpPacket.class);
      int claimed = payloadLength(tcp);
      int payloadOffset = whole.length - claimed - padLength(whole);
      int snapLength = payloadOffset + random.nextInt(claimed + 1);
      byte[] cut = Arrays.copyOf(whole, snapLength);

      DecodeStatus status = decoder.decode(ETHERNET, cut, 0, cut.length, segment);

      String context = "frame " + i + " cut to " + snapLength;
      assertThat(status).as(context).isEqualTo(DecodeStatus.TCP);
      assertThat(segment.payloadOffset()).as(context).isEqualTo(payloadOffset);
      assertThat(segment.payloadClaimedLength()).as(context).isEqualTo(claimed);
      assertThat(segment.payloadLength()).as(context).isEqualTo(snapLength - payloadOffset);
      assertThat(segment.truncated()).as(context).isEqualTo(snapLength - payloadOffset < claimed);
      truncated += segment.truncated() ? 1 : 0;
    }
    assertThat(truncated).isGreaterThan(FRAMES / 2);
  }

  private static int padLength(byte[] frame) throws Exception {
    return EthernetPacket.newPacket(frame, 0, frame.length).getPad().length;
  }

  private static void assertSameAsPcap4j(
      EthernetPacket parsed, byte[] raw, TcpSegment segment, String context) {
    InetAddress src;
    InetAddress dst;
    if (parsed.contains(IpV6Packet.class)) {
      IpV6Packet.IpV6Header ip = parsed.get(IpV6Packet.class).getHeader();
      src = ip.getSrcAddr();
      dst = ip.getDstAddr();
      assertThat(segment.ipVersion()).as(context).isEqualTo(6);
    } else {
      IpV4Packet.IpV4Header ip = parsed.get(IpV4Packet.class).getHeader();
      src = ip.getSrcAddr();
      dst = ip.getDstAddr();
      assertThat(segment.ipVersion()).as(context).isEqualTo(4);
      assertThat(segment.srcIp()).as(context).isEqualTo(src.getHostAddress());
      assertThat(segment.dstIp()).as(context).isEqualTo(dst.getHostAddress());
    }
    assertThat(segment.srcAddress()).as(context).isEqualTo(src.getAddress());
    assertThat(segment.dstAddress()).as(context).isEqualTo(dst.getAddress());
    TcpPacket tcp = parsed.get(TcpPacket.class);
    TcpPacket.TcpHeader h = tcp.getHeader();
    assertThat(segment.srcPort()).as(context).isEqualTo(h.getSrcPort().valueAsInt());
    assertThat(segment.dstPort()).as(context).isEqualTo(h.getDstPort().valueAsInt());
    assertThat(segment.seq()).as(context).isEqualTo(h.getSequenceNumberAsLong());
    assertThat(segment.ack()).as(context).isEqualTo(h.getAcknowledgmentNumberAsLong());
    assertThat(segment.window()).as(context).isEqualTo(h.getWindowAsInt());
    assertThat(segment.flags()).as(context).isEqualTo(flagsOf(h));
    byte[] payload = tcp.getPayload() == null ? new byte[0] : tcp.getPayload().getRawData();
    assertThat(segment.payloadLength()).as(context).isEqualTo(payload.length);
    assertThat(segment.payloadClaimedLength()).as(context).isEqualTo(payload.length);
    assertThat(segment.truncated()).as(context).isFalse();
    assertThat(
            Arrays.copyOfRange(
                raw, segment.payloadOffset(), segment.payloadOffset() + segment.payloadLength()))
        .as(context)
        .isEqualTo(payload);
  }

  /** pcap4j 1.8 keeps CWR and ECE in the low two bits of its 6-bit "reserved" field. */
  private static int flagsOf(TcpPacket.TcpHeader h) {
    return (h.getReserved() & 0x03) << 6
        | (h.getUrg() ? TcpSegment.URG : 0)
        | (h.getAck() ? TcpSegment.ACK : 0)
        | (h.getPsh() ? TcpSegment.PSH : 0)
        | (h.getRst() ? TcpSegment.RST : 0)
        | (h.getSyn() ? TcpSegment.SYN : 0)
        | (h.getFin() ? TcpSegment.FIN : 0);
  }

  private static int payloadLength(TcpPacket tcp) {
    return tcp.getPayload() == null ? 0 : tcp.getPayload().length();
  }

  private static Packet buildFrame(Random random, boolean ipv6) throws UnknownHostException {
    Packet.Builder tcp = tcp(random);
    Packet.Builder ip = ipv6 ? ipv6(random, tcp) : ipv4(random, tcp);
    EtherType ipType = ipv6 ? EtherType.IPV6 : EtherType.IPV4;
    EthernetPacket.Builder ethernet =
        new EthernetPacket.Builder()
            .dstAddr(MacAddress.getByAddress(randomBytes(random, 6)))
            .srcAddr(MacAddress.getByAddress(randomBytes(random, 6)))
            .paddingAtBuild(true);
    if (random.nextInt(4) == 0) {
      ethernet
          .type(EtherType.DOT1Q_VLAN_TAGGED_FRAMES)
          .payloadBuilder(
              new Dot1qVlanTagPacket.Builder()
                  .priority((byte) random.nextInt(8))
                  .cfi(false)
                  .vid((short) random.nextInt(4095))
                  .type(ipType)
                  .payloadBuilder(ip));
    } else {
      ethernet.type(ipType).payloadBuilder(ip);
    }
    return ethernet.build();
  }

  private static TcpPacket.Builder tcp(Random random) {
    List<TcpPacket.TcpOption> options = new ArrayList<>();
    if (random.nextBoolean()) {
      options.add(
          new TcpMaximumSegmentSizeOption.Builder()
              .maxSegSize((short) random.nextInt(65536))
              .correctLengthAtBuild(true)
              .build());
    }
    if (random.nextBoolean()) {
      options.add(TcpNoOperationOption.getInstance());
      options.add(
          new TcpWindowScaleOption.Builder()
              .shiftCount((byte) random.nextInt(15))
              .correctLengthAtBuild(true)
              .build());
    }
    if (random.nextBoolean()) {
      options.add(TcpSackPermittedOption.getInstance());
    }
    // Mostly small payloads so that many frames need Ethernet padding, some full-size ones.
    int payloadLength = random.nextInt(4) == 0 ? random.nextInt(1400) : random.nextInt(12);
    TcpPacket.Builder builder =
        new TcpPacket.Builder()
            .srcPort(TcpPort.getInstance((short) random.nextInt(65536)))
            .dstPort(TcpPort.getInstance((short) random.nextInt(65536)))
            .sequenceNumber(random.nextInt())
            .acknowledgmentNumber(random.nextInt())
            .reserved((byte) random.nextInt(64))
            .urg(random.nextBoolean())
            .ack(random.nextBoolean())
            .psh(random.nextBoolean())
            .rst(random.nextBoolean())
            .syn(random.nextBoolean())
            .fin(random.nextBoolean())
            .window((short) random.nextInt(65536))
            .checksum((short) random.nextInt(65536))
            .urgentPointer((short) random.nextInt(65536))
            .options(options)
            .paddingAtBuild(true)
            .correctLengthAtBuild(true)
            .correctChecksumAtBuild(false);
    if (payloadLength > 0) {
      builder.payloadBuilder(
          new UnknownPacket.Builder().rawData(randomBytes(random, payloadLength)));
    }
    return builder;
  }

  private static IpV4Packet.Builder ipv4(Random random, Packet.Builder tcp)
      throws UnknownHostException {
    List<IpV4Packet.IpV4Option> options = new ArrayList<>();
    int nops = random.nextInt(3) == 0 ? random.nextInt(12) : 0;
    for (int i = 0; i < nops; i++) {
      options.add(IpV4NoOperationOption.getInstance());
    }
    if (nops > 0) {
      options.add(IpV4EndOfOptionList.getInstance());
    }
    return new IpV4Packet.Builder()
        .version(IpVersion.IPV4)
        .tos(IpV4Rfc791Tos.newInstance((byte) 0))
        .identification((short) random.nextInt(65536))
        .dontFragmentFlag(random.nextBoolean())
        .ttl((byte) random.nextInt(256))
        .protocol(IpNumber.TCP)
        .srcAddr((Inet4Address) InetAddress.getByAddress(randomBytes(random, 4)))
        .dstAddr((Inet4Address) InetAddress.getByAddress(randomBytes(random, 4)))
        .options(options)
        .paddingAtBuild(true)
        .correctLengthAtBuild(true)
        .correctChecksumAtBuild(true)
        .payloadBuilder(tcp);
  }

  private static IpV6Packet.Builder ipv6(Random random, Packet.Builder tcp)
      throws UnknownHostException {
    Packet.Builder payload = tcp;
    IpNumber next = IpNumber.TCP;
    if (random.nextInt(3) == 0) {
      // An 8-byte Destination Options header: 2 bytes of header, a 6-byte PadN option.
      List<IpV6ExtOptionsPacket.IpV6Option> padding = new ArrayList<>();
      padding.add(
          new IpV6PadNOption.Builder().data(new byte[4]).correctLengthAtBuild(true).build());
      payload =
          new IpV6ExtDestinationOptionsPacket.Builder()
              .nextHeader(IpNumber.TCP)
              .hdrExtLen((byte) 0)
              .options(padding)
              .payloadBuilder(tcp);
      next = IpNumber.IPV6_DST_OPTS;
    }
    return new IpV6Packet.Builder()
        .version(IpVersion.IPV6)
        .trafficClass(IpV6SimpleTrafficClass.newInstance((byte) random.nextInt(256)))
        .flowLabel(IpV6SimpleFlowLabel.newInstance(random.nextInt(1 << 20)))
        .nextHeader(next)
        .hopLimit((byte) random.nextInt(256))
        .srcAddr(Inet6Address.getByAddress(null, randomBytes(random, 16), -1))
        .dstAddr(Inet6Address.getByAddress(null, randomBytes(random, 16), -1))
        .correctLengthAtBuild(true)
        .payloadBuilder(payload);
  }

  private static byte[] randomBytes(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }
}
