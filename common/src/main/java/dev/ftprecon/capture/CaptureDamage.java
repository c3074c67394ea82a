package dev.ftprecon.capture;

import java.util.Objects;

/**
 * Why a reader stopped before the end of the file: the byte offset of the header or block that
 * could not be read and a message saying what was seen and what was expected. Every record before
 * {@code offset} was delivered.
 *
 * @param offset byte offset in the file of the damaged record header or block
 * @param message what was wrong, e.g. {@code record at offset 24 claims 9000000 bytes (expected: <=
 *     262144)}
 */
public record CaptureDamage(long offset, String message) {
  public CaptureDamage {
    if (offset < 0) {
      throw new IllegalArgumentException("damage offset " + offset + " (expected: >= 0)");
    }
    Objects.requireNonNull(message, "message");
    if (message.isBlank()) {
      throw new IllegalArgumentException("damage at offset " + offset + " has a blank message");
    }
  }
}
