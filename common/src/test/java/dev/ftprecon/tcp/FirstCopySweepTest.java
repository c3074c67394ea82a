package dev.ftprecon.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FirstCopySweepTest {

  /** A copy: its bytes [offset, offset + len) and its place in capture order. */
  private record Seg(int id, long offset, int len, long ts) {}

  /** What the sweep said, part by part. */
  private static final class Recorder implements FirstCopySweep.Sink<Seg> {
    final List<String> calls = new ArrayList<>();
    final List<long[]> firsts = new ArrayList<>();
    final List<long[]> laters = new ArrayList<>();
    long handedOn = Long.MIN_VALUE;

    @Override
    public void first(Seg copy, long at, long from, int len, boolean overlapped) {
      assertThat(at).isEqualTo(copy.offset);
      assertThat(from).as("first parts ascend without overlap").isGreaterThanOrEqualTo(handedOn);
      handedOn = from + len;
      calls.add(
          "first "
              + copy.id
              + " ["
              + from
              + ","
              + (from + len)
              + ")"
              + (overlapped ? "" : " alone"));
      firsts.add(new long[] {copy.id, from, from + len, overlapped ? 1 : 0});
    }

    @Override
    public void later(Seg copy, long at, long from, int len) {
      assertThat(from + len)
          .as("later parts come once their bytes were handed on")
          .isLessThanOrEqualTo(handedOn);
      calls.add("later " + copy.id + " [" + from + "," + (from + len) + ")");
      laters.add(new long[] {copy.id, from, from + len});
    }
  }

  private static Recorder sweep(List<Seg> segs, int maxActive) throws Exception {
    Recorder r = new Recorder();
    FirstCopySweep<Seg> sweep = new FirstCopySweep<>(r, maxActive);
    List<Seg> inOffsetOrder = new ArrayList<>(segs);
    inOffsetOrder.sort(Comparator.comparingLong(Seg::offset).thenComparingLong(Seg::ts));
    for (Seg s : inOffsetOrder) {
      sweep.add(s.offset, s.len, s.ts, 0, s.id, s);
    }
    sweep.finish();
    return r;
  }

  @Test
  void segmentsInOrderCountWhole() throws Exception {
    Recorder r = sweep(List.of(new Seg(1, 0, 100, 1), new Seg(2, 100, 100, 2)), 10);
    assertThat(r.calls).containsExactly("first 1 [0,100) alone", "first 2 [100,200) alone");
  }

  @Test
  void anExactRetransmissionIsALaterCopy() throws Exception {
    Recorder r = sweep(List.of(new Seg(1, 0, 100, 1), new Seg(2, 0, 100, 2)), 10);
    assertThat(r.calls).containsExactly("first 1 [0,100)", "later 2 [0,100)");
  }

  @Test
  void aCopySeenEarlierCountsEvenWhenItStartsLater() throws Exception {
    // Copy 2 was captured first but starts inside copy 1: it wins its bytes, copy 1 the rest.
    Recorder r = sweep(List.of(new Seg(1, 0, 300, 5), new Seg(2, 100, 100, 1)), 10);
    assertThat(r.calls)
        .containsExactly(
            "first 1 [0,100) alone",
            "first 2 [100,200)",
            "first 1 [200,300) alone",
            "later 1 [100,200)");
  }

  @Test
  void aHoleStaysAHole() throws Exception {
    Recorder r = sweep(List.of(new Seg(1, 0, 100, 1), new Seg(2, 200, 100, 2)), 10);
    assertThat(r.calls).containsExactly("first 1 [0,100) alone", "first 2 [200,300) alone");
  }

  @Test
  void copiesWithoutBytesAreIgnoredAndOffsetsMustNotDecrease() throws Exception {
    Recorder r = new Recorder();
    FirstCopySweep<Seg> sweep = new FirstCopySweep<>(r, 10);
    Seg s = new Seg(1, 50, 0, 1);
    sweep.add(50, 0, 1, 0, 1, s);
    assertThatThrownBy(() -> sweep.add(49, 10, 2, 0, 2, s))
        .isInstanceOf(IllegalArgumentException.class);
    sweep.finish();
    assertThat(r.calls).isEmpty();
  }

  @Test
  void pastTheCapAnArrivingCopyIsHandedOnAsALaterCopy() throws Exception {
    Recorder r = new Recorder();
    FirstCopySweep<Seg> sweep = new FirstCopySweep<>(r, 2);
    Seg a = new Seg(1, 0, 100, 1);
    Seg b = new Seg(2, 0, 100, 2);
    Seg c = new Seg(3, 0, 100, 3);
    sweep.add(0, 100, 1, 0, 1, a);
    sweep.add(0, 100, 2, 0, 2, b);
    r.handedOn = Long.MAX_VALUE; // the capped copy comes before its bytes were handed on
    sweep.add(0, 100, 3, 0, 3, c);
    r.handedOn = Long.MIN_VALUE;
    sweep.finish();
    assertThat(r.calls).containsExactly("later 3 [0,100)", "first 1 [0,100)", "later 2 [0,100)");
  }

  /**
   * Against the capture-order reference ({@link SeenRanges}, fed in capture order, as the job did
   * before deciding in offset order): the same copy counts for every byte, and every other copy of
   * a byte is handed on as a later copy, exactly once.
   */
  @Test
  void agreesWithTheCaptureOrderReferenceOnRandomRetransmissions() throws Exception {
    Random random = new Random(20261125);
    for (int round = 0; round < 2_000; round++) {
      int n = 1 + random.nextInt(40);
      List<Seg> segs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        long offset = random.nextInt(2_000);
        int len = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(300);
        segs.add(new Seg(i, offset, len, random.nextInt(50)));
      }
      // Capture order: ts, then record (the id).
      List<Seg> captureOrder = new ArrayList<>(segs);
      captureOrder.sort(Comparator.comparingLong(Seg::ts).thenComparingInt(Seg::id));
      int[] winner = new int[2_400];
      Arrays.fill(winner, -1);
      int[] laterCount = new int[2_400];
      SeenRanges seen = new SeenRanges(1_000);
      for (Seg s : captureOrder) {
        for (long[] fresh : seen.firstSeen(s.offset, s.offset + s.len)) {
          for (long b = fresh[0]; b < fresh[1]; b++) {
            winner[(int) b] = s.id;
          }
        }
      }
      for (Seg s : segs) {
        for (long b = s.offset; b < s.offset + s.len; b++) {
          if (winner[(int) b] != s.id) {
            laterCount[(int) b]++;
          }
        }
      }
      Recorder r = sweep(segs, 1_000);
      int[] gotWinner = new int[2_400];
      Arrays.fill(gotWinner, -1);
      for (long[] f : r.firsts) {
        for (long b = f[1]; b < f[2]; b++) {
          assertThat(gotWinner[(int) b]).as("byte %d handed on twice", b).isEqualTo(-1);
          gotWinner[(int) b] = (int) f[0];
        }
      }
      int[] gotLater = new int[2_400];
      for (long[] l : r.laters) {
        for (long b = l[1]; b < l[2]; b++) {
          assertThat(gotWinner[(int) b]).isNotEqualTo((int) l[0]);
          gotLater[(int) b]++;
        }
      }
      // A part is overlapped exactly when another copy with bytes covers some of them.
      for (long[] f : r.firsts) {
        boolean covered =
            segs.stream()
                .anyMatch(
                    s -> s.id != f[0] && s.len > 0 && s.offset < f[2] && s.offset + s.len > f[1]);
        assertThat(f[3] == 1)
            .as("round %d: part %s of %s", round, Arrays.toString(f), segs)
            .isEqualTo(covered);
      }
      assertThat(gotWinner).as("round %d: %s", round, segs).isEqualTo(winner);
      assertThat(gotLater).as("round %d: %s", round, segs).isEqualTo(laterCount);
    }
  }
}
