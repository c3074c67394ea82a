package dev.ftprecon.packet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftprecon.capture.CaptureFormat;
import dev.ftprecon.capture.CaptureReader;
import dev.ftprecon.capture.CaptureReaders;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Captures written by Wireshark's text2pcap, mergecap and editcap from hand-made frames (see
 * src/test/resources/capture/README.md), compared with tshark's dissection stored next to each
 * file. Covers what the real-capture corpus lacks: every supported link type, VLAN and QinQ tags,
 * 6in4 and IP-in-IP, IPv4 and IPv6 fragments, IPv6 extension headers, ICMP quoting TCP, Ethernet
 * padding, snap-length truncation, both byte orders, and several interfaces in one pcapng file.
 * Runs without tshark installed.
 */
class SyntheticCapturesTest {

  private static InputStream resource(String name) throws IOException {
    InputStream in = SyntheticCapturesTest.class.getResourceAsStream("/capture/" + name);
    if (in == null) {
      throw new IOException("missing test resource /capture/" + name);
    }
    return in;
  }

  private static FrameComparison compare(String capture) throws Exception {
    List<TsharkFrame> expected;
    try (InputStream tsv = resource(capture + ".tshark.tsv")) {
      expected = TsharkFrame.parseAll(tsv);
    }
    try (InputStream in = resource(capture)) {
      return FrameComparison.run(in, expected);
    }
  }

  /**
   * Expected counts are read off the tshark dissection: frames with TCP fields, minus the two first
   * fragments, the ICMP error and the data-offset-4 segment.
   */
  @ParameterizedTest
  @CsvSource({
    "synthetic-all-linktypes.pcapng, 29, 22",
    "synthetic-ethernet-usec.pcap, 20, 13",
    "synthetic-ethernet-nsec.pcap, 20, 13",
    "synthetic-ethernet-usec.pcapng, 20, 13",
    "synthetic-ethernet-usec-bigendian.pcap, 20, 13",
    "synthetic-ethernet-usec-bigendian.pcapng, 20, 13",
    "synthetic-null.pcap, 3, 3",
  })
  void agreesWithTshark(String capture, long frames, long tcpCompared) throws Exception {
    FrameComparison result = compare(capture);

    assertThat(result.differences).isEmpty();
    assertThat(result.damage).isEmpty();
    assertThat(result.frames).isEqualTo(frames);
    assertThat(result.tcpCompared).isEqualTo(tcpCompared);
  }

  @Test
  void agreesWithTsharkOnTheDocumentedDifferences() throws Exception {
    FrameComparison result = compare("synthetic-all-linktypes.pcapng");

    assertThat(result.fragments).isEqualTo(2); // frames 8 (IPv4) and 12 (IPv6)
    assertThat(result.icmpQuoted).isEqualTo(1); // frame 13
    assertThat(result.malformedForBoth).isEqualTo(1); // frame 18, data offset 4
  }

  @Test
  void agreesWithTsharkOnFramesCutToSixtyBytes() throws Exception {
    FrameComparison result = compare("synthetic-ethernet-snaplen60.pcapng");

    assertThat(result.differences).isEmpty();
    assertThat(result.frames).isEqualTo(20);
    assertThat(result.tcpCompared).isPositive();
  }

  @Test
  void declaresEveryInterfaceLinkTypeOfAMergedPcapng() throws Exception {
    try (CaptureReader reader = CaptureReaders.open(resource("synthetic-all-linktypes.pcapng"))) {
      while (reader.next()) {
        // read to the end: interfaces are declared as the file goes
      }
      assertThat(reader.format()).isEqualTo(CaptureFormat.PCAPNG);
      assertThat(reader.linkTypes()).containsExactly(0, 1, 101, 108, 113, 276);
      assertThat(reader.records()).isEqualTo(29);
    }
  }
}
