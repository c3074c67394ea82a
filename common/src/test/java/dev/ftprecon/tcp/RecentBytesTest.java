package dev.ftprecon.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecentBytesTest {

  @Test
  void keepsOnlyTheLastCapacityBytesAcrossTheRingBoundary() {
    RecentBytes recent = new RecentBytes(4);
    recent.appendData(new byte[] {1, 2, 3}, 0, 3);
    recent.appendData(new byte[] {4, 5, 6}, 0, 3);

    assertThat(recent.end()).isEqualTo(6);
    assertThat(recent.oldestKept()).isEqualTo(2);
    assertThat(new byte[] {recent.byteAt(2), recent.byteAt(3), recent.byteAt(4), recent.byteAt(5)})
        .containsExactly(3, 4, 5, 6);
  }

  @Test
  void anAppendLongerThanTheCapacityKeepsItsTail() {
    RecentBytes recent = new RecentBytes(3);
    recent.appendData(new byte[] {9, 1, 2, 3, 4, 5, 9}, 1, 5);

    assertThat(recent.oldestKept()).isEqualTo(2);
    assertThat(new byte[] {recent.byteAt(2), recent.byteAt(3), recent.byteAt(4)})
        .containsExactly(3, 4, 5);
  }

  @Test
  void fillIsZeroAndMarkedUntilOverwritten() {
    RecentBytes recent = new RecentBytes(4);
    recent.appendData(new byte[] {7, 7}, 0, 2);
    recent.appendFill(2);

    assertThat(recent.isFill(1)).isFalse();
    assertThat(recent.isFill(2)).isTrue();
    assertThat(recent.byteAt(3)).isZero();

    recent.appendData(new byte[] {8, 8, 8}, 0, 3);

    assertThat(recent.isFill(3)).isTrue();
    assertThat(recent.isFill(4)).isFalse();
    assertThat(recent.isFill(6)).isFalse();
  }

  @Test
  void aFillOfManyGibibytesOnlyTouchesTheKeptBytes() {
    RecentBytes recent = new RecentBytes(8);
    recent.appendFill(5L << 30);
    recent.appendData(new byte[] {1}, 0, 1);

    assertThat(recent.end()).isEqualTo((5L << 30) + 1);
    assertThat(recent.isFill((5L << 30) - 1)).isTrue();
    assertThat(recent.isFill(5L << 30)).isFalse();
  }

  @Test
  void positionsOutsideTheKeptRangeAreRejected() {
    RecentBytes recent = new RecentBytes(2);
    recent.appendData(new byte[] {1, 2, 3}, 0, 3);

    assertThatThrownBy(() -> recent.byteAt(0))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("position 0 outside kept range [1, 3)");
    assertThatThrownBy(() -> recent.isFill(3)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void aZeroCapacityKeepsNothingButCountsTheEnd() {
    RecentBytes recent = new RecentBytes(0);
    recent.appendData(new byte[] {1, 2}, 0, 2);
    recent.appendFill(3);

    assertThat(recent.end()).isEqualTo(5);
    assertThat(recent.oldestKept()).isEqualTo(5);
  }

  @Test
  void payloadAppendedUnkeptIsMarkedUntilOverwritten() {
    RecentBytes recent = new RecentBytes(4);
    recent.appendData(new byte[] {7, 7}, 0, 2);
    recent.appendUnkept(2);

    assertThat(recent.end()).isEqualTo(4);
    assertThat(recent.isUnkept(1)).isFalse();
    assertThat(recent.isUnkept(2)).isTrue();
    assertThat(recent.isFill(3)).isFalse();

    recent.appendData(new byte[] {8}, 0, 1); // overwrites the ring slot of position 0
    recent.appendFill(2); // and of positions 1 and 2

    assertThat(recent.isUnkept(3)).isTrue();
    assertThat(recent.isUnkept(4)).isFalse();
    assertThat(recent.isUnkept(5)).isFalse();
    assertThat(recent.isFill(5)).isTrue();

    recent.appendUnkept(6); // longer than the ring: every slot unkept, none fill

    assertThat(recent.end()).isEqualTo(13);
    for (long p = recent.oldestKept(); p < recent.end(); p++) {
      assertThat(recent.isUnkept(p)).isTrue();
      assertThat(recent.isFill(p)).isFalse();
    }
  }
}
