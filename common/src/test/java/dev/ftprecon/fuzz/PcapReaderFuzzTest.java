package dev.ftprecon.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The pcap reader behind a valid file header, so that every fuzzer byte lands in the records.
 *
 * <p>Input layout: one byte choosing the header (bit 0: little-endian, bit 1: nanosecond magic,
 * bits 2-7: how the checks chunk the stream), two bytes of link type, then the records (16-byte
 * header in the chosen byte order, captured bytes) as they follow the 24-byte file header.
 */
class PcapReaderFuzzTest {

  @FuzzTest(maxDuration = "4s")
  void recordsAfterValidHeader(byte[] input) throws Exception {
    Watchdog.run(() -> check(input));
  }

  private void check(byte[] input) throws IOException {
    FuzzBytes in = new FuzzBytes(input);
    int choice = in.u8();
    int linkType = in.u16();
    byte[] records = in.rest();
    ByteBuffer file =
        ByteBuffer.allocate(24 + records.length)
            .order((choice & 1) != 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    file.putInt((choice & 2) != 0 ? 0xA1B23C4D : 0xA1B2C3D4) // magic: ns or us
        .putShort((short) 2) // major version
        .putShort((short) 4) // minor version
        .putInt(0) // reserved
        .putInt(0) // reserved
        .putInt(262_144) // snap length
        .putInt(linkType)
        .put(records);
    CaptureChecks.check(file.array(), choice >>> 2);
  }
}
