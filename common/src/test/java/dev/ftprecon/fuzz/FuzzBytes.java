package dev.ftprecon.fuzz;

import java.util.Arrays;

/**
 * A cursor over a fuzzer's raw input that hands out fields front to back. Reading past the end
 * yields zeros and empty arrays, never an exception, so every byte string is a valid input. The
 * fuzz targets use this rather than Jazzer's FuzzedDataProvider so that the seed files in the
 * inputs directories can be written by hand: each target documents its layout.
 */
final class FuzzBytes {
  private final byte[] data;
  private int pos;

  FuzzBytes(byte[] data) {
    this.data = data;
  }

  boolean hasMore() {
    return pos < data.length;
  }

  int remaining() {
    return data.length - pos;
  }

  int u8() {
    return pos < data.length ? data[pos++] & 0xFF : 0;
  }

  int u16() {
    return u8() << 8 | u8();
  }

  long u32() {
    return (long) u16() << 16 | u16();
  }

  long u64() {
    return u32() << 32 | u32();
  }

  boolean bool() {
    return (u8() & 1) != 0;
  }

  /** One of {@code choices}, picked by the next byte. */
  @SafeVarargs
  final <T> T pick(T... choices) {
    return choices[u8() % choices.length];
  }

  int pickInt(int... choices) {
    return choices[u8() % choices.length];
  }

  long pickLong(long... choices) {
    return choices[u8() % choices.length];
  }

  /** Up to {@code n} next bytes (fewer at the end of the input). */
  byte[] bytes(int n) {
    int take = Math.min(Math.max(n, 0), remaining());
    byte[] out = Arrays.copyOfRange(data, pos, pos + take);
    pos += take;
    return out;
  }

  /** A length byte followed by that many bytes. */
  byte[] lengthPrefixed() {
    return bytes(u8());
  }

  byte[] rest() {
    return bytes(remaining());
  }
}
