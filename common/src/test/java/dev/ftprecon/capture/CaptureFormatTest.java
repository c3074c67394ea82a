package dev.ftprecon.capture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaptureFormatTest {

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  @Test
  void detectsTheFourPcapMagics() {
    // draft-ietf-opsawg-pcap section 4: 0xA1B2C3D4 (microseconds), 0xA1B23C4D (nanoseconds),
    // written big- or little-endian.
    assertThat(CaptureFormat.detect(bytes(0xA1, 0xB2, 0xC3, 0xD4), 4)).contains(CaptureFormat.PCAP);
    assertThat(CaptureFormat.detect(bytes(0xD4, 0xC3, 0xB2, 0xA1), 4)).contains(CaptureFormat.PCAP);
    assertThat(CaptureFormat.detect(bytes(0xA1, 0xB2, 0x3C, 0x4D), 4)).contains(CaptureFormat.PCAP);
    assertThat(CaptureFormat.detect(bytes(0x4D, 0x3C, 0xB2, 0xA1), 4)).contains(CaptureFormat.PCAP);
  }

  @Test
  void detectsPcapngInBothByteOrders() {
    byte[] big = bytes(0x0A, 0x0D, 0x0D, 0x0A, 0, 0, 0, 28, 0x1A, 0x2B, 0x3C, 0x4D);
    byte[] little = bytes(0x0A, 0x0D, 0x0D, 0x0A, 28, 0, 0, 0, 0x4D, 0x3C, 0x2B, 0x1A);

    assertThat(CaptureFormat.detect(big, 12)).contains(CaptureFormat.PCAPNG);
    assertThat(CaptureFormat.detect(little, 12)).contains(CaptureFormat.PCAPNG);
  }

  @Test
  void rejectsAPcapngBlockTypeWithoutTheByteOrderMagic() {
    byte[] head = bytes(0x0A, 0x0D, 0x0D, 0x0A, 0, 0, 0, 28, 0x1A, 0x2B, 0x3C, 0x4E);

    assertThat(CaptureFormat.detect(head, 12)).isEmpty();
  }

  @Test
  void needsTwelveBytesForPcapngAndFourForPcap() {
    byte[] pcapng = bytes(0x0A, 0x0D, 0x0D, 0x0A, 0, 0, 0, 28, 0x1A, 0x2B, 0x3C, 0x4D);

    assertThat(CaptureFormat.detect(pcapng, 11)).isEmpty();
    assertThat(CaptureFormat.detect(bytes(0xA1, 0xB2, 0xC3, 0xD4), 3)).isEmpty();
  }

  @Test
  void rejectsOtherMagics() {
    // A netmon 2 capture ("GMBU") and the modified-pcap magic 0xA1B2CD34, which we do not read.
    assertThat(CaptureFormat.detect(bytes('G', 'M', 'B', 'U'), 4)).isEmpty();
    assertThat(CaptureFormat.detect(bytes(0xA1, 0xB2, 0xCD, 0x34), 4)).isEmpty();
    assertThat(CaptureFormat.detect(new byte[0], 0)).isEmpty();
  }
}
