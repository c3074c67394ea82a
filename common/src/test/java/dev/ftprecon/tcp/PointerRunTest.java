package dev.ftprecon.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PointerRunTest {
  /** A segment as the second pass sees it, and the capture it came from. */
  private record Seg(
      long offset,
      int len,
      long ts,
      int capture,
      long record,
      long payloadPos,
      int flags,
      boolean truncated) {}

  /** A packed run with the fields its row carries. */
  private record Run(
      byte[] bytes, int count, int capture, long offset, long ts, long record, long payloadPos) {
    PointerRun.Cursor cursor() {
      return new PointerRun.Cursor(bytes, count, capture, offset, ts, payloadPos, null);
    }
  }

  private static final Comparator<Seg> ASSEMBLY_ORDER =
      Comparator.comparingLong(Seg::offset)
          .thenComparingLong(Seg::ts)
          .thenComparingInt(Seg::capture)
          .thenComparingLong(Seg::record);

  @Test
  void aRunReadsBackEveryFieldExactly() {
    PointerRun.Writer w = new PointerRun.Writer();
    List<Seg> in =
        List.of(
            new Seg(5_000_000_000L, 1448, 1_700_000_000_000_000_000L, 0, 24, 106, 0x18, false),
            // overlap: starts before the end of the one before
            new Seg(5_000_000_100L, 0, 1_700_000_000_000_000_000L, 0, 1600, -1, 0x01, false),
            new Seg(5_000_000_100L, 65_535, 1_700_000_000_000_000_007L, 0, 1700, 1790, 0x1FF, true),
            new Seg(
                6_000_000_000L,
                1,
                1_700_000_000_000_000_008L,
                0,
                9_000_000_000L,
                9_000_000_094L,
                0x10,
                false));
    in.forEach(s -> w.add(s.offset, s.len, s.ts, s.record, s.payloadPos, s.flags, s.truncated));
    assertEquals(4, w.count());
    PointerRun.Cursor c =
        new PointerRun.Cursor(
            w.toBytes(), w.count(), 0, w.firstOffset(), w.firstTs(), w.firstPayloadPos(), null);
    for (Seg s : in) {
      assertTrue(c.next());
      assertEquals(s, read(c));
    }
    assertFalse(c.next());
    assertEquals(24, w.firstRecord());
  }

  @Test
  void aSegmentThatWouldUnsortTheRunIsRefused() {
    PointerRun.Writer w = new PointerRun.Writer();
    w.add(1000, 10, 50, 0, 100, 0x10, false);
    assertFalse(w.accepts(999, 60), "a retransmission of earlier bytes");
    assertFalse(w.accepts(1000, 49), "the same offset, the clock stepped back");
    assertTrue(w.accepts(1000, 50));
    assertTrue(w.accepts(1001, 0), "a later offset, whatever its time");
    assertThrows(IllegalArgumentException.class, () -> w.add(999, 10, 60, 0, 100, 0x10, false));
  }

  /**
   * Runs cut as the second pass cuts them (per capture, in capture order, a new run where the order
   * would break or the run is full), sorted by their first segments and merged, give every segment
   * once, in the order a sort of all segments gives.
   */
  @Test
  void mergedRunsEqualASortOfAllSegments() {
    Random random = new Random(7);
    for (int round = 0; round < 500; round++) {
      List<Seg> all = new ArrayList<>();
      List<Run> runs = new ArrayList<>();
      int captures = 1 + random.nextInt(3);
      int cap = 1 + random.nextInt(8);
      for (int capture = 0; capture < captures; capture++) {
        List<Seg> inCaptureOrder = stream(random, capture);
        all.addAll(inCaptureOrder);
        PointerRun.Writer w = new PointerRun.Writer();
        for (Seg s : inCaptureOrder) {
          if (w.count() == cap || !w.accepts(s.offset, s.ts)) {
            runs.add(close(w, capture));
          }
          w.add(s.offset, s.len, s.ts, s.record, s.payloadPos, s.flags, s.truncated);
        }
        if (w.count() > 0) {
          runs.add(close(w, capture));
        }
      }
      runs.sort(
          Comparator.comparingLong(Run::offset)
              .thenComparingLong(Run::ts)
              .thenComparingInt(Run::capture)
              .thenComparingLong(Run::record));
      List<Seg> merged = new ArrayList<>();
      PointerRun.Merge merge = new PointerRun.Merge();
      int next = 0;
      while (true) {
        if (next < runs.size()) {
          Run r = runs.get(next);
          if (!merge.headNotAfter(r.offset, r.ts, r.capture, r.record)) {
            merge.add(r.cursor());
            next++;
            continue;
          }
        }
        if (merge.isEmpty()) {
          break;
        }
        PointerRun.Cursor c = merge.take();
        merged.add(read(c));
      }
      List<Seg> sorted = new ArrayList<>(all);
      sorted.sort(ASSEMBLY_ORDER);
      assertEquals(sorted, merged, "round " + round);
    }
  }

  /**
   * One capture's segments of a stream in capture order: mostly in order, with retransmissions,
   * reordering, duplicates, timestamps that step back, and offsets past 4 GiB.
   */
  private static List<Seg> stream(Random random, int capture) {
    List<Seg> out = new ArrayList<>();
    long offset = random.nextBoolean() ? 0 : (1L << 32) - 3000;
    long ts = 1_000_000_000L * random.nextInt(5);
    long record = 24;
    int n = random.nextInt(40);
    for (int i = 0; i < n; i++) {
      int len = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(1460);
      long at = offset;
      switch (random.nextInt(8)) {
        case 0 -> at = Math.max(0, offset - random.nextInt(5000)); // retransmission
        case 1 -> at = offset + random.nextInt(3000); // ahead: a hole or reordering
        default -> {}
      }
      ts += random.nextInt(6) == 0 ? -random.nextInt(1000) : random.nextInt(100_000);
      long payloadPos = len == 0 ? -1 : record + 54 + random.nextInt(40);
      out.add(
          new Seg(
              at,
              len,
              ts,
              capture,
              record,
              payloadPos,
              random.nextInt(0x200),
              random.nextInt(20) == 0));
      record += 16 + 54 + len + random.nextInt(3) * 1514;
      offset = Math.max(offset, at + len);
    }
    return out;
  }

  private static Run close(PointerRun.Writer w, int capture) {
    Run r =
        new Run(
            w.toBytes(),
            w.count(),
            capture,
            w.firstOffset(),
            w.firstTs(),
            w.firstRecord(),
            w.firstPayloadPos());
    w.clear();
    return r;
  }

  private static Seg read(PointerRun.Cursor c) {
    PointerRun.Segment s = c.segment();
    return new Seg(
        s.offset, s.len, s.ts, c.capture(), s.record, s.payloadPos, s.flags, s.truncated);
  }
}
