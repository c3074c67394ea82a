package dev.ftprecon.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SequenceUnwrapperTest {

  private static final long MODULUS = 1L << 32;
  private static final int SEGMENT = 1448;
  private static final long TEN_GIB = 10L << 30;

  /** The 32-bit sequence number of stream offset {@code offset}, computed without SeqNum. */
  private static long seqOf(long base, long offset) {
    return Math.floorMod(base + offset, MODULUS);
  }

  @Test
  void theBaseMapsToOffsetZero() {
    SequenceUnwrapper unwrapper = new SequenceUnwrapper(1_000_000);

    assertThat(unwrapper.unwrap(1_000_000)).isZero();
    assertThat(unwrapper.unwrap(1_001_448)).isEqualTo(1448);
  }

  @Test
  void offsetsContinuePastTheWrap() {
    SequenceUnwrapper unwrapper = new SequenceUnwrapper(0xFFFF_FF00L);

    assertThat(unwrapper.unwrap(0xFFFF_FFFFL)).isEqualTo(0xFF);
    assertThat(unwrapper.unwrap(0)).isEqualTo(0x100);
    assertThat(unwrapper.unwrap(0x100)).isEqualTo(0x200);
  }

  @Test
  void aTenGibStreamFedInOrderUnwrapsToItsTrueOffsets() {
    long base = MODULUS - 5000; // wraps after 5000 bytes, then twice more
    SequenceUnwrapper unwrapper = new SequenceUnwrapper(base);

    for (long offset = 0; offset < TEN_GIB; offset += SEGMENT) {
      long actual = unwrapper.unwrap(seqOf(base, offset));
      if (actual != offset) {
        assertThat(actual).as("offset of segment at %d", offset).isEqualTo(offset);
      }
    }
    assertThat(unwrapper.highestOffset()).isEqualTo((TEN_GIB - 1) / SEGMENT * SEGMENT);
  }

  @Test
  void aTenGibStreamWithLocalReorderingAndLateRetransmissionsUnwrapsToItsTrueOffsets() {
    long base = 123_456_789;
    SequenceUnwrapper unwrapper = new SequenceUnwrapper(base);
    long segments = TEN_GIB / SEGMENT;
    long lag = (1L << 30) / SEGMENT; // retransmissions arrive up to 1 GiB behind

    for (long i = 0; i + 1 < segments; i += 2) {
      // Capture order: each pair swapped, and now and then a retransmission of old data.
      long second = (i + 1) * SEGMENT;
      long first = i * SEGMENT;
      check(unwrapper, base, second);
      check(unwrapper, base, first);
      if (i % 10_000 == 0 && i >= lag) {
        check(unwrapper, base, (i - lag) * SEGMENT);
      }
    }
  }

  private static void check(SequenceUnwrapper unwrapper, long base, long offset) {
    long actual = unwrapper.unwrap(seqOf(base, offset));
    if (actual != offset) {
      assertThat(actual).as("offset of segment at %d", offset).isEqualTo(offset);
    }
  }

  @Test
  void bytesBeforeAMidStreamBaseGetNegativeOffsets() {
    SequenceUnwrapper unwrapper = new SequenceUnwrapper(100);

    assertThat(unwrapper.unwrap(100)).isZero();
    assertThat(unwrapper.unwrap(50)).isEqualTo(-50);
    assertThat(unwrapper.unwrap(1100)).isEqualTo(1000);
    assertThat(unwrapper.unwrap(90)).isEqualTo(-10);
    assertThat(unwrapper.highestOffset()).isEqualTo(1000);
  }

  @Test
  void bytesBeforeABaseJustPastTheWrapGetNegativeOffsets() {
    SequenceUnwrapper unwrapper = new SequenceUnwrapper(10);

    // 0xFFFFFFF0 is 16 below 0, so 26 below the base.
    assertThat(unwrapper.unwrap(0xFFFF_FFF0L)).isEqualTo(-26);
    assertThat(unwrapper.unwrap(20)).isEqualTo(10);
  }

  @Test
  void aJumpOfMoreThanHalfTheSpaceIsReadAsBackwards() {
    SequenceUnwrapper unwrapper = new SequenceUnwrapper(0);

    assertThat(unwrapper.unwrap((1L << 31) + 1)).isEqualTo(-((1L << 31) - 1));
  }

  @Test
  void invalidSequenceNumbersAreRejected() {
    assertThatThrownBy(() -> new SequenceUnwrapper(MODULUS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SequenceUnwrapper(0).unwrap(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
