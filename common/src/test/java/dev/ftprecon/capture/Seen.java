package dev.ftprecon.capture;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Test helper: an immutable snapshot of one delivered {@link CaptureRecord}, with the packet bytes
 * as lowercase hex so that whole reads can be compared with {@code containsExactly}.
 */
record Seen(
    long recordOffset,
    long dataOffset,
    int linkType,
    int interfaceId,
    long timestampNanos,
    long originalLength,
    String data) {

  static Seen of(CaptureRecord r) {
    String hex =
        HexFormat.of()
            .formatHex(r.buffer(), r.bufferOffset(), r.bufferOffset() + r.capturedLength());
    return new Seen(
        r.recordOffset(),
        r.dataOffset(),
        r.linkType(),
        r.interfaceId(),
        r.timestampNanos(),
        r.originalLength(),
        hex);
  }

  /** Everything a reader delivered from a file, and how it stopped. */
  record Read(
      CaptureFormat format,
      List<Seen> records,
      long recordCount,
      long anomalies,
      int[] linkTypes,
      Optional<CaptureDamage> damage) {}

  static Read readAll(byte[] file) throws IOException, NotACaptureException {
    return readAll(new ByteArrayInputStream(file));
  }

  static Read readAll(InputStream in) throws IOException, NotACaptureException {
    try (CaptureReader reader = CaptureReaders.open(in)) {
      List<Seen> records = new ArrayList<>();
      while (reader.next()) {
        records.add(of(reader.record()));
      }
      // Once stopped, a reader stays stopped.
      if (reader.next()) {
        throw new AssertionError("next() returned true after returning false");
      }
      return new Read(
          reader.format(),
          records,
          reader.records(),
          reader.anomalies(),
          reader.linkTypes(),
          reader.damage());
    }
  }
}
