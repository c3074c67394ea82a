package dev.ftprecon.packet;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Test helper: appends network-byte-order fields to build frames by hand. */
final class ByteWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  ByteWriter u8(int value) {
    out.write(value);
    return this;
  }

  ByteWriter u16(int value) {
    out.write(value >>> 8);
    out.write(value);
    return this;
  }

  ByteWriter u32(long value) {
    u16((int) (value >>> 16) & 0xFFFF);
    return u16((int) value & 0xFFFF);
  }

  /** A 32-bit field written little-endian, for host-order loopback headers. */
  ByteWriter u32le(long value) {
    for (int i = 0; i < 4; i++) {
      out.write((int) (value >>> (8 * i)));
    }
    return this;
  }

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

  ByteWriter ascii(String text) {
    return bytes(text.getBytes(StandardCharsets.US_ASCII));
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
}
