package dev.ftprecon.jobs.data;

import org.apache.tika.Tika;

/**
 * The media type of a reconstructed file, from its first bytes (Apache Tika's magic database, with
 * the name as sent as a tie-breaker where the content says only "text" or "octet-stream").
 */
final class MimeDetector {
  /** How many leading bytes are kept for detection: Tika's own default read-ahead. */
  static final int PREFIX_BYTES = 64 * 1024;

  private static final Tika TIKA = new Tika();

  private MimeDetector() {}

  static String detect(byte[] prefix, int length, String name) {
    byte[] head = length == prefix.length ? prefix : java.util.Arrays.copyOf(prefix, length);
    return TIKA.detect(head, name);
  }
}
