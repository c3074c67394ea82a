package dev.ftprecon.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ftprecon.capture.CaptureReader;
import dev.ftprecon.capture.CaptureReaders;
import dev.ftprecon.capture.CaptureRecord;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** Reading and decoding a packet must not allocate: measured with the JVM's per-thread counter. */
class AllocationFreeReadingTest {
  private static final int PACKETS = 20_000;

  private static byte[] pcapOfIdenticalFrames() {
    byte[] frame = Frames.ethernetIpv4Tcp();
    ByteWriter w =
        new ByteWriter()
            .u32(0xA1B2C3D4L) // magic, big-endian, microseconds
            .u16(2) // major version
            .u16(4) // minor version
            .u32(0) // reserved1
            .u32(0) // reserved2
            .u32(65535) // snaplen
            .u32(1); // Ethernet
    for (int i = 0; i < PACKETS; i++) {
      w.u32(1_700_000_000L + i) // ts seconds
          .u32(i % 1_000_000) // ts microseconds
          .u32(frame.length) // captured length
          .u32(frame.length) // original length
          .bytes(frame);
    }
    return w.toArray();
  }

  @Test
  void readsAndDecodesWithoutAllocatingPerPacket() throws Exception {
    assertAllocationFree(new PacketDecoder());
  }

  @Test
  void aDecoderThatReassemblesFragmentsAllocatesNothingForWholePackets() throws Exception {
    assertAllocationFree(new PacketDecoder(FragmentReassemblyOptions.DEFAULTS));
  }

  private static void assertAllocationFree(PacketDecoder decoder) throws Exception {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeTrue(
        bean instanceof com.sun.management.ThreadMXBean
            && ((com.sun.management.ThreadMXBean) bean).isThreadAllocatedMemorySupported(),
        "per-thread allocation counter unavailable");
    com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) bean;
    byte[] file = pcapOfIdenticalFrames();
    TcpSegment segment = new TcpSegment();
    long payloadBytes = 0;
    try (CaptureReader reader = CaptureReaders.open(new ByteArrayInputStream(file))) {
      CaptureRecord r = reader.record();
      reader.next(); // the first record sizes the buffer
      long tid = Thread.currentThread().getId();
      long before = counter.getThreadAllocatedBytes(tid);
      while (reader.next()) {
        DecodeStatus status =
            decoder.decode(
                r.linkType(),
                r.buffer(),
                r.bufferOffset(),
                r.capturedLength(),
                r.originalLength(),
                r.timestampNanos(),
                segment);
        if (status == DecodeStatus.TCP) {
          payloadBytes += segment.payloadLength();
        }
      }
      long allocated = counter.getThreadAllocatedBytes(tid) - before;

      assertThat(reader.records()).isEqualTo(PACKETS);
      assertThat(payloadBytes).isEqualTo(8L * (PACKETS - 1));
      // One 16-byte object per packet would already be 320 KB; allow for the counter's own noise.
      assertThat(allocated).isLessThan(PACKETS);
    }
  }
}
