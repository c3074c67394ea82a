package dev.ftprecon.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TimestampResolutionTest {

  @Test
  void readsTheOptionByte() {
    // draft-ietf-opsawg-pcapng 4.2: MSB 0 -> 10^-n, MSB 1 -> 2^-n.
    assertThat(TimestampResolution.fromOption(6)).contains(new TimestampResolution(false, 6));
    assertThat(TimestampResolution.fromOption(0x8A)).contains(new TimestampResolution(true, 10));
    assertThat(TimestampResolution.fromOption(19)).contains(new TimestampResolution(false, 19));
    assertThat(TimestampResolution.fromOption(0x80 | 63))
        .contains(new TimestampResolution(true, 63));
  }

  @Test
  void refusesResolutionsFinerThanSixtyFourBitTicks() {
    assertThat(TimestampResolution.fromOption(20)).isEmpty();
    assertThat(TimestampResolution.fromOption(0x80 | 64)).isEmpty();
    assertThatThrownBy(() -> new TimestampResolution(false, 20))
        .hasMessage("timestamp resolution exponent 20 (expected: 0..19)");
  }

  @Test
  void convertsDecimalResolutions() {
    assertThat(new TimestampResolution(false, 0).toEpochNanos(1_700_000_000L, 0))
        .isEqualTo(1_700_000_000_000_000_000L);
    assertThat(new TimestampResolution(false, 3).toEpochNanos(1_700_000_000_123L, 0))
        .isEqualTo(1_700_000_000_123_000_000L);
    assertThat(new TimestampResolution(false, 6).toEpochNanos(1_700_000_000_123_456L, 0))
        .isEqualTo(1_700_000_000_123_456_000L);
    assertThat(new TimestampResolution(false, 9).toEpochNanos(1_700_000_000_123_456_789L, 0))
        .isEqualTo(1_700_000_000_123_456_789L);
    // Picoseconds: 1 s + 123456789012 ps; sub-nanosecond digits are dropped.
    assertThat(new TimestampResolution(false, 12).toEpochNanos(1_123_456_789_012L, 0))
        .isEqualTo(1_123_456_789L);
  }

  @Test
  void convertsTheLargestTickCountAtTheFinestDecimalResolution() {
    // 2^64 - 1 ticks of 10^-19 s = 1.8446744073709551615 s.
    assertThat(new TimestampResolution(false, 19).toEpochNanos(-1L, 0)).isEqualTo(1_844_674_407L);
  }

  @Test
  void convertsBinaryResolutions() {
    // 2^-0: ticks are seconds.
    assertThat(new TimestampResolution(true, 0).toEpochNanos(42, 0)).isEqualTo(42_000_000_000L);
    // 2^-10: 3 s + 256/1024 s = 3.25 s.
    assertThat(new TimestampResolution(true, 10).toEpochNanos(3 * 1024 + 256, 0))
        .isEqualTo(3_250_000_000L);
    // 2^-63: 2^63 + 2^62 ticks = 1.5 s; the 128-bit product avoids overflow.
    assertThat(new TimestampResolution(true, 63).toEpochNanos(0xC000_0000_0000_0000L, 0))
        .isEqualTo(1_500_000_000L);
    // 2^-40: 1 tick = 0.000909... ns, truncated to 0; 2^40 - 1 ticks = 999999999.999 ns.
    assertThat(new TimestampResolution(true, 40).toEpochNanos((1L << 40) - 1, 0))
        .isEqualTo(999_999_999L);
  }

  @Test
  void addsTheTimestampOffset() {
    assertThat(TimestampResolution.MICROSECONDS.toEpochNanos(1_000_001, -1)).isEqualTo(1_000L);
  }

  @Test
  void saturatesBeyondTheRepresentableRange() {
    // 2^64 - 1 seconds (resolution 10^0) is past year 2262: clamp instead of wrapping.
    assertThat(new TimestampResolution(false, 0).toEpochNanos(-1L, 0)).isEqualTo(Long.MAX_VALUE);
    assertThat(new TimestampResolution(false, 0).toEpochNanos(10_000_000_000L, 0))
        .isEqualTo(Long.MAX_VALUE);
    assertThat(TimestampResolution.MICROSECONDS.toEpochNanos(0, Long.MIN_VALUE))
        .isEqualTo(Long.MIN_VALUE);
    assertThat(new TimestampResolution(false, 0).toEpochNanos(1, Long.MAX_VALUE))
        .isEqualTo(Long.MAX_VALUE);
  }
}
