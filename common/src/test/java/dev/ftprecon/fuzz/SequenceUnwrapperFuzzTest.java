package dev.ftprecon.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ftprecon.tcp.SeqNum;
import dev.ftprecon.tcp.SequenceUnwrapper;

/**
 * {@link SequenceUnwrapper} following a stream whose true 64-bit offsets move arbitrarily within
 * the documented tolerance: each is less than 2^31 before or after the highest offset so far (0
 * before the first), across any number of wraps. Contract: each sequence number unwraps to the true
 * offset; the highest offset only grows; sequence numbers outside [0, 2^32) are rejected with
 * IllegalArgumentException and change nothing.
 *
 * <p>Input layout: four bytes of base sequence number, then steps until the input ends: one byte
 * (bit 0: a four-byte signed distance from the highest offset follows, within the tolerance; else a
 * two-byte signed one; bit 1: also try an invalid sequence number first).
 */
class SequenceUnwrapperFuzzTest {
  private static final long TOLERANCE = (1L << 31) - 1;

  @FuzzTest(maxDuration = "4s")
  void followStream(byte[] input) throws Exception {
    Watchdog.run(() -> check(input));
  }

  private void check(byte[] input) {
    FuzzBytes in = new FuzzBytes(input);
    long base = in.u32();
    SequenceUnwrapper unwrapper = new SequenceUnwrapper(base);
    long highest = 0;
    while (in.hasMore()) {
      int head = in.u8();
      long distance = (head & 1) != 0 ? (int) in.u32() : (short) in.u16();
      distance = Math.max(-TOLERANCE, Math.min(TOLERANCE, distance));
      long truth = highest + distance;
      if ((head & 2) != 0) {
        long invalid = (head & 4) != 0 ? -1 - in.u8() : SeqNum.MODULUS + in.u8();
        assertThatThrownBy(() -> unwrapper.unwrap(invalid))
            .isInstanceOf(IllegalArgumentException.class);
        assertThat(unwrapper.highestOffset()).isEqualTo(highest);
      }
      long seq = SeqNum.add(base, truth);
      assertThat(unwrapper.unwrap(seq))
          .as("offset of sequence number %d (base %d, highest %d)", seq, base, highest)
          .isEqualTo(truth);
      highest = Math.max(highest, truth);
      assertThat(unwrapper.highestOffset()).isEqualTo(highest);
      assertThat(unwrapper.baseSeq()).isEqualTo(base);
    }
  }
}
