package dev.ftprecon.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeqNumTest {

  private static final long MAX = 0xFFFF_FFFFL;
  private static final long HALF = 1L << 31;

  @Test
  void distanceIsOneAcrossTheWrap() {
    assertThat(SeqNum.distance(MAX, 0)).isEqualTo(1);
    assertThat(SeqNum.distance(0, MAX)).isEqualTo(-1);
    assertThat(SeqNum.distance(MAX - 9, 10)).isEqualTo(20);
  }

  @Test
  void distanceOfEqualNumbersIsZero() {
    assertThat(SeqNum.distance(12345, 12345)).isZero();
    assertThat(SeqNum.compare(12345, 12345)).isZero();
    assertThat(SeqNum.before(12345, 12345)).isFalse();
    assertThat(SeqNum.after(12345, 12345)).isFalse();
  }

  @Test
  void numbersJustUnderHalfTheSpaceApartAreOrdered() {
    assertThat(SeqNum.distance(0, HALF - 1)).isEqualTo(HALF - 1);
    assertThat(SeqNum.before(0, HALF - 1)).isTrue();
    assertThat(SeqNum.after(HALF - 1, 0)).isTrue();
    assertThat(SeqNum.compare(0, HALF - 1)).isNegative();
    assertThat(SeqNum.compare(HALF - 1, 0)).isPositive();
  }

  @Test
  void oneMoreThanHalfTheSpaceAheadCountsAsBehind() {
    // 2^31 + 1 forward is the same point as 2^31 - 1 backward.
    assertThat(SeqNum.distance(0, HALF + 1)).isEqualTo(-(HALF - 1));
    assertThat(SeqNum.after(0, HALF + 1)).isTrue();
  }

  @Test
  void numbersExactlyHalfTheSpaceApartAreEachBeforeTheOtherLikeLinux() {
    assertThat(SeqNum.distance(0, HALF)).isEqualTo(-HALF);
    assertThat(SeqNum.distance(HALF, 0)).isEqualTo(-HALF);
    assertThat(SeqNum.before(0, HALF)).isTrue();
    assertThat(SeqNum.before(HALF, 0)).isTrue();
    assertThat(SeqNum.compare(0, HALF)).isNegative();
    assertThat(SeqNum.compare(HALF, 0)).isNegative();
  }

  @Test
  void orderHoldsAcrossTheWrap() {
    assertThat(SeqNum.before(MAX, 0)).isTrue();
    assertThat(SeqNum.after(5, MAX - 5)).isTrue();
    assertThat(SeqNum.compare(MAX - 100, 100)).isNegative();
  }

  @Test
  void addWrapsModulo2To32() {
    assertThat(SeqNum.add(MAX, 1)).isZero();
    assertThat(SeqNum.add(0, -1)).isEqualTo(MAX);
    assertThat(SeqNum.add(5, 1L << 32)).isEqualTo(5);
    assertThat(SeqNum.add(MAX - 1, 3 * (1L << 32) + 7)).isEqualTo(5);
    assertThat(SeqNum.add(HALF, HALF)).isZero();
  }

  @Test
  void addingTheDistanceLeadsToTheTarget() {
    long[] values = {0, 1, HALF - 1, HALF, HALF + 1, MAX - 1, MAX, 123_456_789};
    for (long from : values) {
      for (long to : values) {
        assertThat(SeqNum.add(from, SeqNum.distance(from, to)))
            .as("%d -> %d", from, to)
            .isEqualTo(to);
      }
    }
  }

  @Test
  void valuesOutside32BitsAreRejected() {
    assertThatThrownBy(() -> SeqNum.distance(-1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> SeqNum.compare(0, 1L << 32))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("4294967296");
    assertThatThrownBy(() -> SeqNum.add(1L << 32, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
