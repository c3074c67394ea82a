package dev.ftprecon.capture;

import java.io.ByteArrayOutputStream;

/** Test helper: appends fixed-width fields in one byte order to build capture files by hand. */
final class ByteWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final boolean bigEndian;

  private ByteWriter(boolean bigEndian) {
    this.bigEndian = bigEndian;
  }

  static ByteWriter bigEndian() {
    return new ByteWriter(true);
  }

  static ByteWriter littleEndian() {
    return new ByteWriter(false);
  }

  ByteWriter u8(int value) {
    out.write(value);
    return this;
  }

  ByteWriter u16(int value) {
    return field(value, 2);
  }

  ByteWriter u32(long value) {
    return field(value, 4);
  }

  ByteWriter u64(long value) {
    return field(value, 8);
  }

  /** Raw bytes, written as given whatever the byte order. */
  ByteWriter bytes(int... values) {
    for (int value : values) {
      out.write(value);
    }
    return this;
  }

  ByteWriter bytes(byte[] values) {
    out.write(values, 0, values.length);
    return this;
  }

  ByteWriter zeros(int count) {
    for (int i = 0; i < count; i++) {
      out.write(0);
    }
    return this;
  }

  int size() {
    return out.size();
  }

  byte[] toArray() {
    return out.toByteArray();
  }

  private ByteWriter field(long value, int width) {
    for (int i = 0; i < width; i++) {
      int shift = bigEndian ? 8 * (width - 1 - i) : 8 * i;
      out.write((int) (value >>> shift) & 0xFF);
    }
    return this;
  }
}
