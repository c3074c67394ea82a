package dev.ftprecon.jobs.data;

import dev.ftprecon.tcp.ByteRange;
import java.io.Serializable;
import java.util.List;

/**
 * What reassembly produced for one transfer: the file's facts, not its bytes. The first and last
 * records are {capture id, byte offset of the record in that capture}: the evidence trail.
 */
public record TransferBytes(
    int transfer,
    String file,
    long length,
    long dataBytes,
    long missingBytes,
    List<long[]> gaps,
    List<long[]> conflicts,
    long duplicateBytes,
    long conflictBytes,
    long segments,
    long firstNanos,
    long lastNanos,
    long[] firstRecord,
    long[] lastRecord,
    List<Integer> captureIds,
    boolean finSeen,
    boolean rstSeen,
    boolean truncatedSegments,
    String sha256,
    String md5,
    String mimeType)
    implements Serializable {
  static List<long[]> ranges(List<ByteRange> ranges) {
    return ranges.stream().map(r -> new long[] {r.start(), r.end()}).toList();
  }
}
