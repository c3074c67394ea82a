package dev.ftprecon.capture;

import java.io.IOException;

/**
 * Checks and buffers the framing every pcapng block shares (draft-ietf-opsawg-pcapng section 3.1):
 * Block Type (32 bits), Block Total Length (32 bits), body, Block Total Length again. The total
 * length counts all of it and is a multiple of 4. On a violation the methods return false and
 * {@link #problem()} says what was seen and what was expected.
 */
final class BlockFraming {
  static final int HEADER_BYTES = 8;
  static final int LENGTH_OFFSET = 4;
  static final int TRAILER_BYTES = 4;

  /** Type, length and trailing length of a block with an empty body. */
  static final int MIN_BLOCK_BYTES = 12;

  /**
   * Largest block accepted: 16 MiB, 64 times the largest packet libpcap writes (262144 bytes).
   * Bounds the read buffer; a larger claim is treated as damage.
   */
  static final int MAX_BLOCK_BYTES = 16 * 1024 * 1024;

  private final CaptureInput input;
  private String problem = "";

  BlockFraming(CaptureInput input) {
    this.input = input;
  }

  /** What was wrong with the last block a method rejected. */
  String problem() {
    return problem;
  }

  /**
   * Checks the leading Block Total Length, in this order: at least the minimum of the block type, a
   * multiple of 4, at most {@link #MAX_BLOCK_BYTES}.
   */
  boolean checkLength(long offset, long length, int minimum, String blockName) {
    if (length < minimum) {
      return fail(
          blockName
              + " at offset "
              + offset
              + " has length "
              + length
              + " (expected: >= "
              + minimum
              + ")");
    }
    if (length % 4 != 0) {
      return fail(
          blockName
              + " at offset "
              + offset
              + " has length "
              + length
              + " (expected: a multiple of 4)");
    }
    if (length > MAX_BLOCK_BYTES) {
      return fail(
          blockName
              + " at offset "
              + offset
              + " claims "
              + length
              + " bytes (expected: <= "
              + MAX_BLOCK_BYTES
              + ")");
    }
    return true;
  }

  /**
   * Buffers a whole block whose length passed {@link #checkLength} and verifies its trailing
   * length; the block then starts at {@link CaptureInput#index()}.
   */
  boolean fill(long offset, int length, Endianness order) throws IOException {
    int have = input.fill(length);
    if (have < length) {
      return fail(endsInside(offset, length, have));
    }
    return checkTrailer(offset, length, input.index() + length - TRAILER_BYTES, order);
  }

  /**
   * Reads past a block whose length passed {@link #checkLength} without buffering its body, then
   * verifies and consumes its trailing length.
   */
  boolean skip(long offset, long length, Endianness order) throws IOException {
    long body = length - TRAILER_BYTES;
    long skipped = input.skip(body);
    int trailer = skipped < body ? 0 : input.fill(TRAILER_BYTES);
    if (skipped < body || trailer < TRAILER_BYTES) {
      return fail(endsInside(offset, length, skipped + trailer));
    }
    if (!checkTrailer(offset, length, input.index(), order)) {
      return false;
    }
    input.consume(TRAILER_BYTES);
    return true;
  }

  private boolean checkTrailer(long offset, long length, int trailerAt, Endianness order) {
    long trailing = order.u32(input.array(), trailerAt);
    if (trailing != length) {
      return fail(
          "pcapng block at offset "
              + offset
              + " has trailing length "
              + trailing
              + " (expected: "
              + length
              + ", the leading length)");
    }
    return true;
  }

  private static String endsInside(long offset, long length, long present) {
    return "capture ends inside block at offset "
        + offset
        + ": header claims "
        + length
        + " bytes, "
        + present
        + " present";
  }

  private boolean fail(String message) {
    problem = message;
    return false;
  }
}
