package dev.ftprecon.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A log reads back exactly what was written, whatever the numbers' jumps. */
class SegmentLogTest {
  private record Written(
      long seq,
      int len,
      int flags,
      boolean truncated,
      int claimedLen,
      long ts,
      long record,
      long payloadPos) {}

  @Test
  void readsBackEverySegmentAsWritten() {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      List<Written> written = new ArrayList<>();
      SegmentLog.Writer writer = new SegmentLog.Writer();
      long seq = random.nextInt() & 0xFFFFFFFFL;
      long ts = random.nextLong() >>> 2;
      long record = random.nextInt(1 << 20);
      int n = 1 + random.nextInt(300);
      for (int i = 0; i < n; i++) {
        // Sequence numbers wrap past 2^32, go back (retransmissions) and jump anywhere.
        seq =
            switch (random.nextInt(4)) {
              case 0 -> (seq + 1448) & 0xFFFFFFFFL;
              case 1 -> (seq - random.nextInt(100_000)) & 0xFFFFFFFFL;
              case 2 -> random.nextInt() & 0xFFFFFFFFL;
              default -> (0xFFFFFFFFL - random.nextInt(2000));
            };
        int len = random.nextInt(4) == 0 ? 0 : random.nextInt(65_536);
        int flags = random.nextInt(256);
        boolean truncated = random.nextBoolean();
        int claimed = len + random.nextInt(1500);
        ts += random.nextInt(3) == 0 ? -random.nextInt(1_000_000) : random.nextInt(1_000_000_000);
        record += 16 + random.nextInt(70_000);
        long payloadPos = random.nextInt(5) == 0 ? -1 : record + 16 + random.nextInt(120);
        writer.add(seq, len, flags, truncated, claimed, ts, record, payloadPos);
        boolean keepsClaimed = truncated && (flags & 0x01) != 0;
        written.add(
            new Written(
                seq, len, flags, truncated, keepsClaimed ? claimed : len, ts, record, payloadPos));
      }
      assertThat(writer.count()).isEqualTo(n);
      SegmentLog.Reader reader = new SegmentLog.Reader(writer.toBytes(), writer.count());
      List<Written> read = new ArrayList<>();
      while (reader.next()) {
        SegmentLog.Segment s = reader.segment();
        read.add(
            new Written(
                s.seq, s.len, s.flags, s.truncated, s.claimedLen, s.ts, s.record, s.payloadPos));
      }
      assertThat(read).isEqualTo(written);
    }
  }

  @Test
  void aFullSizeSegmentInOrderCostsTwelveBytes() {
    SegmentLog.Writer writer = new SegmentLog.Writer();
    long seq = 4_000_000_000L;
    long record = 24;
    for (int i = 0; i < 10_000; i++) {
      writer.add(
          seq,
          1448,
          0x10,
          false,
          1448,
          1_700_000_000_000_000_000L + i * 12_000L,
          record,
          record + 16 + 66);
      seq = (seq + 1448) & 0xFFFFFFFFL;
      record += 16 + 66 + 1448;
    }
    // 2 bytes each for the sequence step, the length, the record and payload steps, 3 for 12 µs, 1
    // for
    // the flags; the first segment's numbers, against zero, cost more.
    assertThat(writer.size()).isBetween(12 * 10_000, 12 * 10_000 + 32);
  }
}
