package dev.ftprecon.tcp;

/**
 * Serial-number arithmetic on 32-bit TCP sequence numbers (RFC 793 §3.3, RFC 1982), held in {@code
 * long}s in the range [0, 2^32).
 *
 * <p>Sequence numbers wrap modulo 2^32, so {@code a < b} is meaningless for them: after a wrap, a
 * later byte has a numerically smaller sequence number. Two sequence numbers are instead ordered by
 * the sign of their difference taken modulo 2^32 as a signed 32-bit value, which is correct as long
 * as they are less than 2^31 apart (RFC 1982 §3.2). This is the comparison every TCP stack uses
 * (e.g. Linux {@code before()}/{@code after()}).
 *
 * <p>For two numbers exactly 2^31 apart RFC 1982 leaves the order undefined. Here {@link #distance}
 * returns -2^31 in both directions, so each is {@link #before} the other and {@link #compare} is
 * negative both ways (not antisymmetric), exactly like Linux {@code before()}. Callers must keep
 * compared numbers less than 2^31 apart.
 */
public final class SeqNum {

  /** Sequence numbers are taken modulo 2^32 (RFC 793 §3.3). */
  public static final long MODULUS = 1L << 32;

  private static final long MASK = MODULUS - 1;

  private SeqNum() {}

  /**
   * Orders two sequence numbers by serial-number arithmetic.
   *
   * @return a negative number if {@code a} is before {@code b}, zero if equal, positive if after
   */
  public static int compare(long a, long b) {
    return Long.signum(distance(b, a));
  }

  /**
   * The signed number of bytes from {@code from} to {@code to}, in [-2^31, 2^31): positive when
   * {@code to} is after {@code from}. {@code add(from, distance(from, to)) == to} always holds.
   */
  public static long distance(long from, long to) {
    requireSequenceNumber(from, "from");
    requireSequenceNumber(to, "to");
    // Narrowing the difference to int is exactly "subtract modulo 2^32, read as two's complement".
    return (int) (to - from);
  }

  /** Whether {@code a} comes before {@code b} in sequence space. */
  public static boolean before(long a, long b) {
    return compare(a, b) < 0;
  }

  /** Whether {@code a} comes after {@code b} in sequence space. */
  public static boolean after(long a, long b) {
    return compare(a, b) > 0;
  }

  /** {@code seq + n} modulo 2^32; {@code n} may be negative or larger than 2^32. */
  public static long add(long seq, long n) {
    requireSequenceNumber(seq, "seq");
    return (seq + n) & MASK;
  }

  /** Rejects values that cannot be a 32-bit sequence number. */
  static void requireSequenceNumber(long value, String name) {
    if (value < 0 || value > MASK) {
      throw new IllegalArgumentException(
          "sequence number " + name + " = " + value + " outside [0, 4294967295]");
    }
  }
}
