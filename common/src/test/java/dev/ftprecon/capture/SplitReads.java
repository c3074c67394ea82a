package dev.ftprecon.capture;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Test helper: reads a capture held in memory whole (the reference {@link CaptureReaders#open}) and
 * split by a layout of boundaries, and compares the two as a Spark job would combine the splits.
 */
final class SplitReads {
  private SplitReads() {}

  /** What one record was, with its bytes as a CRC-32 so big files compare cheaply. */
  record Rec(
      long recordOffset,
      long dataOffset,
      long timestampNanos,
      int linkType,
      int interfaceId,
      int capturedLength,
      long originalLength,
      long crc) {
    static Rec of(CaptureRecord r) {
      CRC32 crc = new CRC32();
      crc.update(r.buffer(), r.bufferOffset(), r.capturedLength());
      return new Rec(
          r.recordOffset(),
          r.dataOffset(),
          r.timestampNanos(),
          r.linkType(),
          r.interfaceId(),
          r.capturedLength(),
          r.originalLength(),
          crc.getValue());
    }
  }

  /** What a whole read or one split delivered. */
  record Part(
      long start,
      long end,
      List<Rec> records,
      Optional<CaptureDamage> damage,
      boolean successorOutOfSync) {}

  static CaptureFileOpener opener(byte[] file) {
    return offset -> {
      int from = (int) Math.min(offset, file.length);
      return new ByteArrayInputStream(file, from, file.length - from);
    };
  }

  static Part whole(byte[] file) throws IOException, NotACaptureException {
    try (CaptureReader reader = CaptureReaders.open(new ByteArrayInputStream(file))) {
      List<Rec> records = new ArrayList<>();
      while (reader.next()) {
        records.add(Rec.of(reader.record()));
      }
      return new Part(0, file.length, records, reader.damage(), false);
    }
  }

  static Part split(byte[] file, long start, long end, SplitOptions options)
      throws IOException, NotACaptureException {
    try (SplitCaptureReader reader = CaptureReaders.openSplit(opener(file), start, end, options)) {
      List<Rec> records = new ArrayList<>();
      while (reader.next()) {
        Rec rec = Rec.of(reader.record());
        if (rec.recordOffset() < start || rec.recordOffset() >= end) {
          throw new AssertionError(
              "split [" + start + ", " + end + ") delivered a record at " + rec.recordOffset());
        }
        records.add(rec);
      }
      if (reader.next()) {
        throw new AssertionError("next() returned true after returning false");
      }
      return new Part(start, end, records, reader.damage(), reader.successorOutOfSync());
    }
  }

  /** Every split of a layout: boundaries[0] = 0, last = end of the last split (>= file length). */
  static List<Part> splits(byte[] file, long[] boundaries, SplitOptions options)
      throws IOException, NotACaptureException {
    List<Part> parts = new ArrayList<>();
    for (int i = 0; i + 1 < boundaries.length; i++) {
      parts.add(split(file, boundaries[i], boundaries[i + 1], options));
    }
    return parts;
  }

  /**
   * How a job combines the splits of a file: splits that start after the smallest damage offset
   * reported are dropped; if a kept split (not damaged) says its successor is out of sync, the file
   * is read whole instead (empty result here).
   */
  static Optional<Part> combine(List<Part> parts) {
    long firstDamage = Long.MAX_VALUE;
    for (Part p : parts) {
      if (p.damage().isPresent()) {
        firstDamage = Math.min(firstDamage, p.damage().get().offset());
      }
    }
    List<Rec> records = new ArrayList<>();
    Optional<CaptureDamage> damage = Optional.empty();
    for (int i = 0; i < parts.size(); i++) {
      Part p = parts.get(i);
      if (p.start() > firstDamage) {
        break;
      }
      records.addAll(p.records());
      if (p.damage().isPresent() && p.damage().get().offset() == firstDamage) {
        damage = p.damage();
      }
      if (p.successorOutOfSync()
          && i + 1 < parts.size()
          && parts.get(i + 1).start() <= firstDamage) {
        return Optional.empty();
      }
    }
    return Optional.of(new Part(0, parts.get(parts.size() - 1).end(), records, damage, false));
  }
}
