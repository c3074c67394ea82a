package dev.ftprecon.faults;

import java.util.Arrays;
import java.util.List;

/**
 * What the job's index should say about the faulty transfer, all derived from the original file
 * bytes and the ranges a fault removed or changed.
 *
 * @param status complete, incomplete, truncated or aborted (see testdata/faults/README.md)
 * @param bytes size of the reconstructed file, zero-filled holes included
 * @param sha256 of the reconstructed file: the original with every gap zeroed (or its prefix)
 * @param missingBytes sum of the gap lengths
 * @param gaps file ranges never seen on the wire, ascending
 * @param duplicateBytes bytes seen again with identical content
 * @param conflictBytes bytes seen again with different content (the first seen are kept)
 * @param conflictRanges where those differing bytes are, in the order they are met
 * @param originalBytes size of the original file
 * @param originalSha256 of the original file (testdata/expected)
 * @param announcedAddressDiffers whether the PASV/EPSV reply announced an address other than the
 *     control server's (PORT/EPRT: other than the control client's); null when the fault does not
 *     pin it down, and then left out of the JSON
 */
record ExpectedOutcome(
    String status,
    long bytes,
    String sha256,
    long missingBytes,
    List<FileRange> gaps,
    long duplicateBytes,
    long conflictBytes,
    List<FileRange> conflictRanges,
    long originalBytes,
    String originalSha256,
    Boolean announcedAddressDiffers) {

  static final String COMPLETE = "complete";
  static final String INCOMPLETE = "incomplete";
  static final String TRUNCATED = "truncated";
  static final String ABORTED = "aborted";

  ExpectedOutcome {
    gaps = List.copyOf(gaps);
    conflictRanges = List.copyOf(conflictRanges);
  }

  /** The same outcome, also saying whether the announced data address differs (see above). */
  ExpectedOutcome withAnnouncedAddressDiffers(boolean differs) {
    return new ExpectedOutcome(
        status,
        bytes,
        sha256,
        missingBytes,
        gaps,
        duplicateBytes,
        conflictBytes,
        conflictRanges,
        originalBytes,
        originalSha256,
        differs);
  }

  /** Every byte arrived, possibly more than once. */
  static ExpectedOutcome complete(
      byte[] original, long duplicateBytes, List<FileRange> conflictRanges) {
    return new ExpectedOutcome(
        COMPLETE,
        original.length,
        Digests.sha256(original),
        0,
        List.of(),
        duplicateBytes,
        FileRange.total(conflictRanges),
        conflictRanges,
        original.length,
        Digests.sha256(original),
        null);
  }

  static ExpectedOutcome complete(byte[] original) {
    return complete(original, 0, List.of());
  }

  /**
   * The file keeps its full size, with every gap's bytes zero: each byte stays at its true offset.
   */
  static ExpectedOutcome withGaps(String status, byte[] original, List<FileRange> gaps) {
    byte[] file = original.clone();
    for (FileRange gap : gaps) {
      Arrays.fill(file, (int) gap.start(), (int) gap.end(), (byte) 0);
    }
    return new ExpectedOutcome(
        status,
        file.length,
        Digests.sha256(file),
        FileRange.total(gaps),
        gaps,
        0,
        0,
        List.of(),
        original.length,
        Digests.sha256(original),
        null);
  }

  /** Only the first {@code length} bytes arrived, with nothing missing among them. */
  static ExpectedOutcome prefix(String status, byte[] original, int length) {
    byte[] file = Arrays.copyOf(original, length);
    // The bytes announced (SIZE reply) but never sent are missing: one gap past the file's end.
    return new ExpectedOutcome(
        status,
        length,
        Digests.sha256(file),
        original.length - length,
        List.of(new FileRange(length, original.length)),
        0,
        0,
        List.of(),
        original.length,
        Digests.sha256(original),
        null);
  }
}
