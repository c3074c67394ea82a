package dev.ftprecon.capture;

import java.util.Optional;

/**
 * Byte order of the multi-byte fields of a capture file. Both pcap and pcapng are written in the
 * writer's native order and tell readers which one through a magic number.
 */
enum Endianness {
  BIG {
    @Override
    int u16(byte[] b, int off) {
      return (b[off] & 0xFF) << 8 | (b[off + 1] & 0xFF);
    }

    @Override
    long u32(byte[] b, int off) {
      return (long) (b[off] & 0xFF) << 24
          | (b[off + 1] & 0xFF) << 16
          | (b[off + 2] & 0xFF) << 8
          | (b[off + 3] & 0xFF);
    }

    @Override
    long u64(byte[] b, int off) {
      return u32(b, off) << 32 | u32(b, off + 4);
    }
  },
  LITTLE {
    @Override
    int u16(byte[] b, int off) {
      return (b[off + 1] & 0xFF) << 8 | (b[off] & 0xFF);
    }

    @Override
    long u32(byte[] b, int off) {
      return (long) (b[off + 3] & 0xFF) << 24
          | (b[off + 2] & 0xFF) << 16
          | (b[off + 1] & 0xFF) << 8
          | (b[off] & 0xFF);
    }

    @Override
    long u64(byte[] b, int off) {
      return u32(b, off + 4) << 32 | u32(b, off);
    }
  };

  private static final Optional<Endianness> SOME_BIG = Optional.of(BIG);
  private static final Optional<Endianness> SOME_LITTLE = Optional.of(LITTLE);

  /** Unsigned 16-bit field. */
  abstract int u16(byte[] b, int off);

  /** Unsigned 32-bit field, widened to long so values above 2^31 stay positive. */
  abstract long u32(byte[] b, int off);

  /** 64-bit field; callers decide whether it is signed (if_tsoffset) or unsigned (timestamps). */
  abstract long u64(byte[] b, int off);

  /**
   * The order in which a 32-bit magic number was written, if the four bytes at {@code off} are
   * {@code magic} in either order.
   */
  static Optional<Endianness> ofMagic(byte[] b, int off, int magic) {
    long big = BIG.u32(b, off);
    if (big == Integer.toUnsignedLong(magic)) {
      return SOME_BIG;
    }
    if (big == Integer.toUnsignedLong(Integer.reverseBytes(magic))) {
      return SOME_LITTLE;
    }
    return Optional.empty();
  }

  /** The order of a pcapng section, from its Byte-Order Magic (draft-ietf-opsawg-pcapng 4.1). */
  static Optional<Endianness> ofPcapngMagic(byte[] b, int off) {
    return ofMagic(b, off, CaptureFormat.PCAPNG_BYTE_ORDER_MAGIC);
  }
}
