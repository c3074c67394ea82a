package dev.ftprecon.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class InternetChecksumTest {
  private static final Path REPO_ROOT = Path.of(System.getProperty("ftprecon.repoRoot", ".."));

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  @Test
  void matchesTheNumericalExampleOfRfc1071() {
    // RFC 1071 section 3: these bytes sum to ddf2 (folded), so the checksum is its complement.
    byte[] data = bytes(0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7);

    assertThat(InternetChecksum.fold(InternetChecksum.add(0, data, 0, data.length)))
        .isEqualTo(0xddf2);
    assertThat(InternetChecksum.checksum(data, 0, data.length)).isEqualTo(0x220d);
  }

  @Test
  void padsAnOddLastByteWithZeroOnTheRight() {
    assertThat(InternetChecksum.add(0, bytes(0x12, 0x34, 0x56), 0, 3)).isEqualTo(0x1234 + 0x5600);
  }

  @Test
  void foldsEveryCarry() {
    assertThat(InternetChecksum.fold(0x1_FFFFL)).isEqualTo(0x0001); // 0xFFFF + 1 carries twice
    assertThat(InternetChecksum.fold(0xFFFF_FFFFL)).isEqualTo(0xFFFF);
  }

  /** Values tshark computes for these frames ({@code tcp.checksum_calculated}). */
  @Test
  void agreesWithTsharkOnRealIpv4AndIpv6Segments() throws Exception {
    List<Packet> ipv4 = SourceCapture.load(REPO_ROOT, Samples.IPV4_DOWNLOAD).packets();
    List<Packet> ipv6 = SourceCapture.load(REPO_ROOT, Samples.IPV6_UPLOAD).packets();

    // frame numbers count from 1: SYN, SYN-ACK, ACK, 320-byte reply, full data segment, FIN+data
    assertThat(ipv4.get(2).tcp().computedChecksum()).isEqualTo(0xac43);
    assertThat(ipv4.get(3).tcp().computedChecksum()).isEqualTo(0xba43);
    assertThat(ipv4.get(4).tcp().computedChecksum()).isEqualTo(0xe75c);
    assertThat(ipv4.get(5).tcp().computedChecksum()).isEqualTo(0x8ff2);
    assertThat(ipv4.get(25).tcp().computedChecksum()).isEqualTo(0x92f8);
    assertThat(ipv4.get(338).tcp().computedChecksum()).isEqualTo(0xc97b);
    // the one frame of this capture whose stored checksum tshark finds correct
    assertThat(ipv4.get(341).tcp().checksumField()).isEqualTo(0xc067);
    assertThat(ipv4.get(341).tcp().computedChecksum()).isEqualTo(0xc067);
    assertThat(ipv6.get(0).tcp().computedChecksum()).isEqualTo(0x8011);
    assertThat(ipv6.get(1).tcp().computedChecksum()).isEqualTo(0xb689);
    assertThat(ipv6.get(19).tcp().computedChecksum()).isEqualTo(0xb243);
    assertThat(ipv6.get(211).tcp().computedChecksum()).isEqualTo(0x1c28);
  }

  /**
   * With checksum offload the kernel leaves the folded pseudo-header sum in the field of the
   * segments it sends (CHECKSUM_PARTIAL), which is why the samples' stored checksums look wrong: an
   * independent check of our pseudo-header for both address families on every segment.
   */
  @Test
  void pseudoHeaderSumIsWhatOffloadLeavesInTheSamples() throws Exception {
    for (String sample : List.of(Samples.IPV4_DOWNLOAD, Samples.IPV6_UPLOAD)) {
      int partial = 0;
      for (Packet packet : SourceCapture.load(REPO_ROOT, sample).packets()) {
        TcpFrame tcp = packet.tcp();
        if (tcp == null) {
          continue;
        }
        int tcpLength = tcp.payloadOffset() + tcp.payloadLength() - tcp.tcpOffset();
        int pseudo =
            InternetChecksum.fold(
                InternetChecksum.pseudoHeaderSum(tcp.srcAddress(), tcp.dstAddress(), tcpLength));
        assertThat(tcp.checksumField()).isIn(pseudo, tcp.computedChecksum());
        partial += tcp.checksumField() == pseudo ? 1 : 0;
      }
      assertThat(partial).as(sample).isGreaterThan(100);
    }
  }

  @Test
  void aRewrittenSegmentChecksumsToAllOnes() throws Exception {
    Packet packet = SourceCapture.load(REPO_ROOT, Samples.IPV6_UPLOAD).packets().get(19).copy();
    TcpFrame resent = packet.tcp().withPayload(123_456_789L, bytes(1, 2, 3, 4, 5), 0, 5);

    resent.fixChecksums();

    // Summing a segment including its correct checksum gives 0xFFFF (RFC 1071 section 1).
    int tcpLength = resent.payloadOffset() + 5 - resent.tcpOffset();
    long sum =
        InternetChecksum.pseudoHeaderSum(resent.srcAddress(), resent.dstAddress(), tcpLength);
    sum = InternetChecksum.add(sum, resent.frame(), resent.tcpOffset(), tcpLength);
    assertThat(InternetChecksum.fold(sum)).isEqualTo(0xFFFF);
    assertThat(resent.seq()).isEqualTo(123_456_789L);
    assertThat(TcpFrame.parse(resent.frame()).payloadLength()).isEqualTo(5);
  }
}
