package dev.ftprecon.capture;

import java.util.Optional;

/**
 * The unit of a pcapng interface's timestamps, from its if_tsresol option (draft-ietf-opsawg-pcapng
 * section 4.2): if the most significant bit of the option byte is 0 the remaining bits are a
 * negative power of 10, otherwise a negative power of 2. Converts 64-bit unsigned tick counts to
 * epoch nanoseconds without overflow for any realistic date.
 *
 * @param binary true for 2^-exponent seconds, false for 10^-exponent seconds
 * @param exponent the power, within what a 64-bit tick count can usefully carry
 */
record TimestampResolution(boolean binary, int exponent) {
  /** Section 4.2: without if_tsresol, timestamps are in microseconds (10^-6 s). */
  static final TimestampResolution MICROSECONDS = new TimestampResolution(false, 6);

  /** 10^19 is the largest power of ten below 2^64, the range of a tick count. */
  static final int MAX_DECIMAL_EXPONENT = 19;

  /** 2^63 is the largest power of two a signed Java long can represent as a shift. */
  static final int MAX_BINARY_EXPONENT = 63;

  private static final int BINARY_FLAG = 0x80;
  private static final int EXPONENT_MASK = 0x7F;
  private static final int NANOS_EXPONENT = 9;
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final long[] POWERS_OF_TEN = powersOfTen();

  TimestampResolution {
    int max = binary ? MAX_BINARY_EXPONENT : MAX_DECIMAL_EXPONENT;
    if (exponent < 0 || exponent > max) {
      throw new IllegalArgumentException(
          "timestamp resolution exponent " + exponent + " (expected: 0.." + max + ")");
    }
  }

  /** The resolution an if_tsresol option byte describes, if it is one we can convert. */
  static Optional<TimestampResolution> fromOption(int optionByte) {
    boolean binary = (optionByte & BINARY_FLAG) != 0;
    int exponent = optionByte & EXPONENT_MASK;
    if (exponent > (binary ? MAX_BINARY_EXPONENT : MAX_DECIMAL_EXPONENT)) {
      return Optional.empty();
    }
    return Optional.of(new TimestampResolution(binary, exponent));
  }

  /**
   * Converts a tick count to nanoseconds since the epoch.
   *
   * @param ticks unsigned 64-bit count of units since the epoch
   * @param offsetSeconds if_tsoffset, a signed number of seconds to add (section 4.2)
   * @return epoch nanoseconds, saturated at Long.MIN_VALUE/MAX_VALUE beyond year 1677/2262
   */
  long toEpochNanos(long ticks, long offsetSeconds) {
    long seconds;
    long fractionNanos;
    if (binary) {
      seconds = exponent == 0 ? ticks : ticks >>> exponent;
      long fraction = exponent == 0 ? 0 : ticks & (-1L >>> (64 - exponent));
      fractionNanos = scaleBinaryFraction(fraction);
    } else {
      long unitsPerSecond = POWERS_OF_TEN[exponent];
      seconds = Long.divideUnsigned(ticks, unitsPerSecond);
      long fraction = Long.remainderUnsigned(ticks, unitsPerSecond);
      fractionNanos =
          exponent <= NANOS_EXPONENT
              ? fraction * POWERS_OF_TEN[NANOS_EXPONENT - exponent]
              : Long.divideUnsigned(fraction, POWERS_OF_TEN[exponent - NANOS_EXPONENT]);
    }
    if (seconds < 0) {
      // An unsigned second count of 2^63 or more: far beyond any representable date.
      return Long.MAX_VALUE;
    }
    return EpochNanos.of(seconds, offsetSeconds, fractionNanos);
  }

  /**
   * fraction / 2^exponent seconds in nanoseconds, i.e. (fraction * 10^9) >> exponent computed on
   * the 128-bit product so no bits are lost for exponents above 34.
   */
  private long scaleBinaryFraction(long fraction) {
    if (exponent == 0) {
      return 0;
    }
    // fraction < 2^exponent <= 2^63 is non-negative, so the signed high word is the unsigned one.
    long low = fraction * NANOS_PER_SECOND;
    long high = Math.multiplyHigh(fraction, NANOS_PER_SECOND);
    return (low >>> exponent) | (high << (64 - exponent));
  }

  private static long[] powersOfTen() {
    long[] powers = new long[MAX_DECIMAL_EXPONENT + 1];
    powers[0] = 1;
    for (int i = 1; i < powers.length; i++) {
      powers[i] = powers[i - 1] * 10; // 10^19 wraps negative as signed but is exact unsigned
    }
    return powers;
  }
}
