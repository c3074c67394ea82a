package dev.ftprecon.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
  void anEmptyRangeYieldsNothing() {
    assertThat(new SeenRanges(1).firstSeen(5, 5)).isEmpty();
  }
}
