package dev.ftprecon.packet;

import static dev.ftprecon.packet.FragmentFrames.LINKTYPE_IPV4;
import static dev.ftprecon.packet.FragmentFrames.LINKTYPE_IPV6;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Reassembly of crafted fragments (RFC 791 3.2, RFC 8200 4.5, RFC 5722): every expected payload is
 * the segment the fragments were cut from.
 */
class IpFragmentReassemblyTest {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  private final TcpSegment out = new TcpSegment();

  private DecodeStatus decode(PacketDecoder d, int linkType, byte[] frame, long nanos) {
    return d.decode(linkType, frame, 0, frame.length, frame.length, nanos, out);
  }

  private DecodeStatus decode(PacketDecoder d, int linkType, byte[] frame) {
    return decode(d, linkType, frame, 0);
  }

  private byte[] payload() {
    return out.copyPayload(null, 0);
  }

  @Test
  void ipv4FragmentsOutOfOrderComeBackAsOneTcpSegment() {
    PacketDecoder d = new PacketDecoder(FragmentReassemblyOptions.DEFAULTS);
    byte[] segment = FragmentFrames.tcpSegment(1000);
    assertThat(decode(d, LINKTYPE_IPV4, FragmentFrames.ipv4(7, segment, 400, 800, true)))
        .isEqualTo(DecodeStatus.FRAGMENT);
    assertThat(decode(d, LINKTYPE_IPV4, FragmentFrames.ipv4(7, segment, 800, 1020, false)))
        .isEqualTo(DecodeStatus.FRAGMENT);
    assertThat(decode(d, LINKTYPE_IPV4, FragmentFrames.ipv4(7, segment, 0, 400, true)))
        .isEqualTo(DecodeStatus.TCP_REASSEMBLED);
    assertThat(out.reassembled()).isTrue();
    assertThat(out.srcIp()).isEqualTo("192.0.2.1");
    assertThat(out.dstPort()).isEqualTo(21);
    assertThat(out.seq()).isEqualTo(FragmentFrames.SEQ);
    assertThat(out.payloadLength()).isEqualTo(1000);
    assertThat(out.payloadClaimedLength()).isEqualTo(1000);
    assertThat(out.truncated()).isFalse();
    assertThat(payload()).isEqualTo(FragmentFrames.payloadOf(segment));
    assertThat(d.reassembler().lastFragments()).isEqualTo(3);
    FragmentStats stats = d.fragmentStats();
    assertThat(stats.fragments()).isEqualTo(3);
    assertThat(stats.reassembled()).isEqualTo(1);
    assertThat(stats.pending()).isZero();
    assertThat(stats.pendingBytes()).isZero();
  }

  @Test
  void ipv6FragmentsComeBackAsOneTcpSegment() {
    PacketDecoder d = new PacketDecoder(FragmentReassemblyOptions.DEFAULTS);
    byte[] segment = FragmentFrames.tcpSegment(2000);
    assertThat(decode(d, LINKTYPE_IPV6, FragmentFrames.ipv6(0x8000_0001L, segment, 0, 1232, true)))
        .isEqualTo(DecodeStatus.FRAGMENT);
    assertThat(
            decode(d, LINKTYPE_IPV6, FragmentFrames.ipv6(0x8000_0001L, segment, 1232, 2020, false)))
        .isEqualTo(DecodeStatus.TCP_REASSEMBLED);
    assertThat(out.ipVersion()).isEqualTo(6);
    assertThat(out.dstIp()).isEqualTo("2001:db8::2");
    assertThat(payload()).isEqualTo(FragmentFrames.payloadOf(segment));
  }

  @Test
  void withoutReassemblyEveryFragmentStaysAFragment() {
    PacketDecoder d = new PacketDecoder();
    byte[] segment = FragmentFrames.tcpSegment(100);
    assertThat(decode(d, LINKTYPE_IPV4, FragmentFrames.ipv4(7, segment, 0, 64, true)))
        .isEqualTo(DecodeStatus.FRAGMENT);
    assertThat(decode(d, LINKTYPE_IPV4, FragmentFrames.ipv4(7, segment, 64, 120, false)))
        .isEqualTo(DecodeStatus.FRAGMENT);
    assertThat(d.fragmentStats()).isEqualTo(FragmentStats.NONE);
  }

  @Test
  void fragmentsOfDifferentIdentificationsDoNotMix() {
    PacketDecoder d = new PacketDecoder(FragmentReassemblyOptions.DEFAULTS);
    byte[] segment = FragmentFrames.tcpSegment(100);
    decode(d, LINKTYPE_IPV4, FragmentFrames.ipv4(1, segment, 0, 64, true));
    assertThat(decode(d, LINKTYPE_IPV4, FragmentFrames.ipv4(2, segment, 64, 120, false)))
        .isEqualTo(DecodeStatus.FRAGMENT);
    assertThat(d.fragmentStats().pending()).isEqualTo(2);
  }

  @Test
  void aDuplicateFragmentIsIgnored() {
    PacketDecoder d = new PacketDecoder(FragmentReassemblyOptions.DEFAULTS);
    byte[] segment = FragmentFrames.tcpSegment(100);
    byte[] first = FragmentFrames.ipv6(5, segment, 0, 64, true);
    decode(d, LINKTYPE_IPV6, first);
    decode(d, LINKTYPE_IPV6, first);
    assertThat(decode(d, LINKTYPE_IPV6, FragmentFrames.ipv6(5, segment, 64, 120, false)))
        .isEqualTo(DecodeStatus.TCP_REASSEMBLED);
    assertThat(payload()).isEqualTo(FragmentFrames.payloadOf(segment));
    assertThat(d.fragmentStats().duplicates()).isEqualTo(1);
    assertThat(d.fragmentStats().overlaps()).isZero();
    assertThat(d.reassembler().lastFragments()).isEqualTo(2);
  }

  @Test
  void overlappingIpv6FragmentsDropTheDatagramAndItsLaterFragments() {
    PacketDecoder d = new PacketDecoder(FragmentReassemblyOptions.DEFAULTS);
    byte[] segment = FragmentFrames.tcpSegment(200);
    decode(d, LINKTYPE_IPV6, FragmentFrames.ipv6(9, segment, 0, 104, true));
    assertThat(decode(d, LINKTYPE_IPV6, FragmentFrames.ipv6(9, segment, 96, 160, true)))
        .isEqualTo(DecodeStatus.FRAGMENT);
    assertThat(d.lastAnomaly())
        .isEqualTo("overlapping IPv6 fragment at offset 96 (RFC 5722); datagram dropped");
    assertThat(decode(d, LINKTYPE_IPV6, FragmentFrames.ipv6(9, segment, 104, 220, false)))
        .isEqualTo(DecodeStatus.FRAGMENT);
    FragmentStats stats = d.fragmentStats();
    assertThat(stats.overlaps()).isEqualTo(1);
    assertThat(stats.conflicts()).isZero();
    assertThat(stats.droppedOverlapping()).isEqualTo(1);
    assertThat(stats.discardedFragments()).isEqualTo(1);
    assertThat(stats.reassembled()).isZero();
    assertThat(stats.pending()).isZero();
  }

  @Test
  void overlappingIpv4FragmentsKeepTheFirstCopyAndFlagTheConflict() {
    PacketDecoder d = new PacketDecoder(FragmentReassemblyOptions.DEFAULTS);
    byte[] segment = FragmentFrames.tcpSegment(200);
    decode(d, LINKTYPE_IPV4, FragmentFrames.ipv4(3, segment, 0, 104, true));
    // The second fragment re-sends bytes 96..104 with different values, then new ones.
    byte[] forged = segment.clone();
    for (int i = 96; i < 104; i++) {
      forged[i] = (byte) ~forged[i];
    }
    assertThat(decode(d, LINKTYPE_IPV4, FragmentFrames.ipv4(3, forged, 96, 160, true)))
        .isEqualTo(DecodeStatus.FRAGMENT);
    assertThat(d.lastAnomaly())
        .isEqualTo("overlapping IPv4 fragment at offset 96 with different bytes; first copy kept");
    assertThat(decode(d, LINKTYPE_IPV4, FragmentFrames.ipv4(3, segment, 160, 220, false)))
        .isEqualTo(DecodeStatus.TCP_REASSEMBLED);
    assertThat(payload()).isEqualTo(FragmentFrames.payloadOf(segment));
    assertThat(d.reassembler().lastOverlapped()).isTrue();
    assertThat(d.reassembler().lastConflicting()).isTrue();
    assertThat(d.fragmentStats().overlaps()).isEqualTo(1);
    assertThat(d.fragmentStats().conflicts()).isEqualTo(1);
  }

  @Test
  void anIncompleteDatagramIsAbandonedAfterTheTimeout() {
    PacketDecoder d = new PacketDecoder(FragmentReassemblyOptions.DEFAULTS);
    byte[] segment = FragmentFrames.tcpSegment(100);
    decode(d, LINKTYPE_IPV4, FragmentFrames.ipv4(4, segment, 0, 64, true), 1000 * SECOND);
    assertThat(
            decode(
                d, LINKTYPE_IPV4, FragmentFrames.ipv4(4, segment, 64, 120, false), 1061 * SECOND))
        .isEqualTo(DecodeStatus.FRAGMENT);
    assertThat(d.fragmentStats().expired()).isEqualTo(1);
    assertThat(d.fragmentStats().pending()).isEqualTo(1); // the late fragment starts anew
  }

  @Test
  void aDatagramCompletedWithinTheTimeoutIsReassembled() {
    PacketDecoder d = new PacketDecoder(FragmentReassemblyOptions.DEFAULTS);
    byte[] segment = FragmentFrames.tcpSegment(100);
    decode(d, LINKTYPE_IPV4, FragmentFrames.ipv4(4, segment, 0, 64, true), 1000 * SECOND);
    assertThat(
            decode(
                d, LINKTYPE_IPV4, FragmentFrames.ipv4(4, segment, 64, 120, false), 1059 * SECOND))
        .isEqualTo(DecodeStatus.TCP_REASSEMBLED);
  }

  @Test
  void theOldestDatagramIsEvictedPastTheDatagramCap() {
    PacketDecoder d =
        new PacketDecoder(new FragmentReassemblyOptions(2, 65535, 1 << 20, 60 * SECOND));
    byte[] segment = FragmentFrames.tcpSegment(100);
    for (int id = 1; id <= 3; id++) {
      decode(d, LINKTYPE_IPV4, FragmentFrames.ipv4(id, segment, 0, 64, true));
    }
    assertThat(decode(d, LINKTYPE_IPV4, FragmentFrames.ipv4(1, segment, 64, 120, false)))
        .isEqualTo(DecodeStatus.FRAGMENT);
    assertThat(decode(d, LINKTYPE_IPV4, FragmentFrames.ipv4(3, segment, 64, 120, false)))
        .isEqualTo(DecodeStatus.TCP_REASSEMBLED);
    assertThat(d.fragmentStats().evictedForCount()).isEqualTo(2); // id 1, then id 2 for id 1 anew
  }

  @Test
  void theOldestDatagramIsEvictedPastTheByteCap() {
    PacketDecoder d =
        new PacketDecoder(new FragmentReassemblyOptions(100, 1500, 1500, 60 * SECOND));
    byte[] segment = FragmentFrames.tcpSegment(1400);
    decode(d, LINKTYPE_IPV4, FragmentFrames.ipv4(1, segment, 0, 1000, true));
    decode(d, LINKTYPE_IPV4, FragmentFrames.ipv4(2, segment, 0, 1000, true));
    FragmentStats stats = d.fragmentStats();
    assertThat(stats.evictedForBytes()).isEqualTo(1);
    assertThat(stats.pending()).isEqualTo(1);
    assertThat(stats.pendingBytes()).isEqualTo(1000);
    assertThat(decode(d, LINKTYPE_IPV4, FragmentFrames.ipv4(2, segment, 1000, 1420, false)))
        .isEqualTo(DecodeStatus.TCP_REASSEMBLED);
    assertThat(payload()).isEqualTo(FragmentFrames.payloadOf(segment));
  }

  @Test
  void aFragmentReachingPastTheDatagramCapDropsItsDatagram() {
    PacketDecoder d = new PacketDecoder(FragmentReassemblyOptions.DEFAULTS);
    byte[] segment = FragmentFrames.tcpSegment(100);
    decode(d, LINKTYPE_IPV4, FragmentFrames.ipv4(8, segment, 0, 64, true));
    // Offset 8189 * 8 = 65512 plus 40 bytes ends at 65552, past any legal datagram (ping of death).
    byte[] tail = new byte[65552];
    assertThat(decode(d, LINKTYPE_IPV4, FragmentFrames.ipv4(8, tail, 65512, 65552, false)))
        .isEqualTo(DecodeStatus.FRAGMENT);
    assertThat(d.lastAnomaly())
        .isEqualTo(
            "IP fragment reaches byte 65552 of its datagram (expected: <= 65535); datagram"
                + " dropped");
    assertThat(d.fragmentStats().droppedOversized()).isEqualTo(1);
    assertThat(d.fragmentStats().pending()).isZero();
  }

  @Test
  void aNonLastFragmentNotAMultipleOfEightIsDiscarded() {
    PacketDecoder d = new PacketDecoder(FragmentReassemblyOptions.DEFAULTS);
    byte[] segment = FragmentFrames.tcpSegment(100);
    assertThat(decode(d, LINKTYPE_IPV6, FragmentFrames.ipv6(1, segment, 0, 60, true)))
        .isEqualTo(DecodeStatus.FRAGMENT);
    assertThat(d.lastAnomaly())
        .isEqualTo(
            "IP fragment of 60 bytes at offset 0 (expected: a non-empty multiple of 8 unless"
                + " last); discarded");
    assertThat(d.fragmentStats().malformedFragments()).isEqualTo(1);
    assertThat(d.fragmentStats().pending()).isZero();
  }

  @Test
  void twoLastFragmentsThatDisagreeDropTheDatagram() {
    PacketDecoder d = new PacketDecoder(FragmentReassemblyOptions.DEFAULTS);
    byte[] segment = FragmentFrames.tcpSegment(100);
    decode(d, LINKTYPE_IPV4, FragmentFrames.ipv4(6, segment, 64, 120, false));
    decode(d, LINKTYPE_IPV4, FragmentFrames.ipv4(6, segment, 64, 112, false));
    assertThat(d.fragmentStats().droppedInconsistent()).isEqualTo(1);
    assertThat(decode(d, LINKTYPE_IPV4, FragmentFrames.ipv4(6, segment, 0, 64, true)))
        .isEqualTo(DecodeStatus.FRAGMENT);
    assertThat(d.fragmentStats().discardedFragments()).isEqualTo(1);
  }

  @Test
  void aFragmentCutByTheSnapLengthGivesATruncatedSegment() {
    PacketDecoder d = new PacketDecoder(FragmentReassemblyOptions.DEFAULTS);
    byte[] segment = FragmentFrames.tcpSegment(300);
    byte[] first = FragmentFrames.ipv4(11, segment, 0, 160, true);
    byte[] second = FragmentFrames.ipv4(11, segment, 160, 320, false);
    // The capture kept 20 + 100 bytes of the first fragment (snap length 120).
    d.decode(LINKTYPE_IPV4, first, 0, 120, first.length, 0, out);
    assertThat(decode(d, LINKTYPE_IPV4, second)).isEqualTo(DecodeStatus.TCP_REASSEMBLED);
    assertThat(out.payloadClaimedLength()).isEqualTo(300);
    assertThat(out.payloadLength()).isEqualTo(80); // 100 captured data bytes less the TCP header
    assertThat(out.truncated()).isTrue();
    assertThat(payload()).isEqualTo(Arrays.copyOfRange(FragmentFrames.payloadOf(segment), 0, 80));
    assertThat(d.fragmentStats().truncatedFragments()).isEqualTo(1);
  }

  @Test
  void aReassembledDatagramThatIsNotTcpIsNotTcp() {
    PacketDecoder d = new PacketDecoder(FragmentReassemblyOptions.DEFAULTS);
    byte[] udp = new byte[200];
    decode(d, LINKTYPE_IPV4, FragmentFrames.ipv4(12, 17, udp, 0, 104, true));
    assertThat(decode(d, LINKTYPE_IPV4, FragmentFrames.ipv4(12, 17, udp, 104, 200, false)))
        .isEqualTo(DecodeStatus.NOT_TCP);
    assertThat(d.fragmentStats().reassembled()).isEqualTo(1);
  }

  @Test
  void ipv6InIpv4WhoseOuterHeaderIsFragmentedIsDecodedToTcp() {
    PacketDecoder d = new PacketDecoder(FragmentReassemblyOptions.DEFAULTS);
    byte[] segment = FragmentFrames.tcpSegment(600);
    byte[] inner = Frames.ipv6(new ByteWriter(), segment.length, 6).bytes(segment).toArray();
    decode(d, LINKTYPE_IPV4, FragmentFrames.ipv4(13, 41, inner, 0, 336, true));
    assertThat(decode(d, LINKTYPE_IPV4, FragmentFrames.ipv4(13, 41, inner, 336, 660, false)))
        .isEqualTo(DecodeStatus.TCP_REASSEMBLED);
    assertThat(out.ipVersion()).isEqualTo(6);
    assertThat(out.srcIp()).isEqualTo("2001:db8::1");
    assertThat(payload()).isEqualTo(FragmentFrames.payloadOf(segment));
  }

  @Test
  void optionsOutsideTheirRangeAreRefusedNamingTheOption() {
    assertThatThrownBy(() -> new FragmentReassemblyOptions(0, 65535, 1 << 20, 1))
        .hasMessage("maxDatagrams 0 (expected: 1+)");
    assertThatThrownBy(() -> new FragmentReassemblyOptions(1, 65535, 1000, 1))
        .hasMessage("maxTotalBytes 1000 (expected: >= maxDatagramBytes 65535)");
  }
}
