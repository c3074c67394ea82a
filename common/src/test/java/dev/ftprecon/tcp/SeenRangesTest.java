package dev.ftprecon.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeenRangesTest {
  private static List<String> text(List<long[]> parts) {
    return parts.stream().map(p -> "[" + p[0] + "," + p[1] + ")").toList();
  }

  @Test
  void aSegmentInOrderIsAllNew() {
    SeenRanges seen = new SeenRanges(10);
    assertThat(text(seen.firstSeen(0, 100))).containsExactly("[0,100)");
    assertThat(text(seen.firstSeen(100, 200))).containsExactly("[100,200)");
    assertThat(seen.highestEnd()).isEqualTo(200);
  }

  @Test
  void anExactRetransmissionIsNotNew() {
    SeenRanges seen = new SeenRanges(10);
    seen.firstSeen(0, 100);
    assertThat(seen.firstSeen(0, 100)).isEmpty();
    assertThat(seen.firstSeen(10, 20)).isEmpty();
  }

  @Test
  void aRetransmissionSpanningAHoleIsNewOnlyInTheHole() {
    SeenRanges seen = new SeenRanges(10);
    seen.firstSeen(0, 100);
    seen.firstSeen(200, 300); // [100,200) lost, seen later inside a bigger retransmission
    assertThat(text(seen.firstSeen(50, 250))).containsExactly("[100,200)");
    assertThat(text(seen.firstSeen(0, 400))).containsExactly("[300,400)");
  }

  @Test
  void fillsSeveralHolesAtOnce() {
    SeenRanges seen = new SeenRanges(10);
    seen.firstSeen(10, 20);
    seen.firstSeen(30, 40);
    seen.firstSeen(50, 60);
    assertThat(text(seen.firstSeen(0, 70)))
        .containsExactly("[0,10)", "[20,30)", "[40,50)", "[60,70)");
    assertThat(seen.firstSeen(0, 70)).isEmpty();
  }

  @Test
  void stopsSplittingOnceTooManyHolesAreTracked() {
    SeenRanges seen = new SeenRanges(2);
    seen.firstSeen(0, 10);
    seen.firstSeen(20, 30);
    seen.firstSeen(40, 50); // a third disjoint range: over the cap
    assertThat(seen.capped()).isTrue();
    assertThat(text(seen.firstSeen(0, 50))).containsExactly("[0,50)");
  }

  @Test
  void theInOrderShortcutAgreesWithAByteMapOnRandomStreams() {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      SeenRanges seen = new SeenRanges(1_000);
      BitSet bytes = new BitSet();
      long next = 0;
      for (int i = 0; i < 300; i++) {
        int len = 1 + random.nextInt(50);
        long start =
            switch (random.nextInt(6)) {
              case 0 -> Math.max(0, next - random.nextInt(120)); // retransmission, overlap
              case 1 -> next + random.nextInt(80); // a hole (loss) before it
              default -> next; // in order
            };
        List<long[]> expected = new ArrayList<>();
        for (long b = start; b < start + len; b++) {
          if (!bytes.get((int) b)) {
            if (!expected.isEmpty() && expected.get(expected.size() - 1)[1] == b) {
              expected.get(expected.size() - 1)[1] = b + 1;
            } else {
              expected.add(new long[] {b, b + 1});
            }
          }
        }
        bytes.set((int) start, (int) (start + len));
        List<long[]> actual =
            seen.wholeIsFirst(start, start + len)
                ? List.of(new long[] {start, start + len})
                : seen.firstSeen(start, start + len);
        assertThat(text(actual)).as("round %d segment %d", round, i).isEqualTo(text(expected));
        next = Math.max(next, start + len);
        assertThat(seen.highestEnd()).isEqualTo(next);
      }
      assertThat(seen.capped()).isFalse();
    }
  }

  @Test
  void theShortcutDeclinesWhatWasSeenAndCountsItsRangesTowardsTheCap() {
    SeenRanges seen = new SeenRanges(2);
    assertThat(seen.wholeIsFirst(0, 10)).isTrue();
    assertThat(seen.wholeIsFirst(10, 20)).isTrue(); // extends [0,20)
    assertThat(seen.wholeIsFirst(5, 25)).isFalse();
    assertThat(text(seen.firstSeen(5, 25))).containsExactly("[20,25)");
    assertThat(seen.wholeIsFirst(30, 40)).isTrue(); // second range
    assertThat(seen.capped()).isFalse();
    assertThat(seen.wholeIsFirst(50, 60)).isTrue(); // a third: over the cap
    assertThat(seen.capped()).isTrue();
    assertThat(text(seen.firstSeen(0, 60))).containsExactly("[0,60)");
  }

  @Test
  void anEmptyRangeYieldsNothing() {
    assertThat(new SeenRanges(1).firstSeen(5, 5)).isEmpty();
  }
}
