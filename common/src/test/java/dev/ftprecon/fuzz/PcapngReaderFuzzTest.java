package dev.ftprecon.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The pcapng reader behind a valid Section Header Block (and, if chosen, an Interface Description
 * Block), so that every fuzzer byte lands in the blocks that follow.
 *
 * <p>Input layout: one byte choosing the prefix (bit 0: little-endian section, bit 1: add an IDB
 * for Ethernet with snap length 0, bits 2-7: how the checks chunk the stream), then the blocks as
 * they follow the prefix, in the chosen byte order.
 */
class PcapngReaderFuzzTest {
  private static final int SECTION_HEADER_BYTES = 28;
  private static final int INTERFACE_DESCRIPTION_BYTES = 20;

  @FuzzTest(maxDuration = "4s")
  void blocksAfterValidHeader(byte[] input) throws Exception {
    Watchdog.run(() -> check(input));
  }

  private void check(byte[] input) throws IOException {
    FuzzBytes in = new FuzzBytes(input);
    int choice = in.u8();
    boolean withInterface = (choice & 2) != 0;
    byte[] blocks = in.rest();
    ByteBuffer file =
        ByteBuffer.allocate(
                SECTION_HEADER_BYTES
                    + (withInterface ? INTERFACE_DESCRIPTION_BYTES : 0)
                    + blocks.length)
            .order((choice & 1) != 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    file.putInt(0x0A0D0D0A) // Section Header Block
        .putInt(SECTION_HEADER_BYTES)
        .putInt(0x1A2B3C4D) // byte-order magic
        .putShort((short) 1) // major version
        .putShort((short) 0) // minor version
        .putLong(-1) // section length: unknown
        .putInt(SECTION_HEADER_BYTES);
    if (withInterface) {
      file.putInt(1) // Interface Description Block
          .putInt(INTERFACE_DESCRIPTION_BYTES)
          .putShort((short) 1) // LINKTYPE_ETHERNET
          .putShort((short) 0) // reserved
          .putInt(0) // snap length: none
          .putInt(INTERFACE_DESCRIPTION_BYTES);
    }
    file.put(blocks);
    CaptureChecks.check(file.array(), choice >>> 2);
  }
}
