package dev.ftprecon.capture;

import java.io.IOException;
import java.util.Optional;

/**
 * A split reader over a {@link PcapReader} or {@link PcapngReader} that starts at the split's first
 * record boundary (offset 0's header region, or where {@link ChainResync} found it) and stops
 * before the first record at or after the split's end. Reading on from true boundaries, it knows
 * where its successor must begin; when it stops it runs the successor's search on the successor's
 * start and compares (see {@link SplitCaptureReader#successorOutOfSync()}).
 */
final class ResyncSplitReader implements SplitCaptureReader {
  /** What the successor will do; computed once this split has stopped. */
  interface SuccessorCheck {
    /**
     * @param reader this split's reader, stopped at {@code next}
     * @param next file offset of the first record at or after this split's end
     * @param atEnd whether {@code next} is the end of the file
     * @return whether the successor will start at {@code next} in the same state
     */
    boolean inSync(CaptureReader reader, long next, boolean atEnd) throws IOException;
  }

  private final CaptureReader reader;
  private final CaptureInput input;
  private final long start;
  private final long end;
  private final SuccessorCheck check;
  private boolean stopped;
  private boolean successorOutOfSync;
  private long delivered;
  private long anomalies;

  ResyncSplitReader(
      CaptureReader reader, CaptureInput input, long start, long end, SuccessorCheck check) {
    this.reader = reader;
    this.input = input;
    this.start = start;
    this.end = end;
    this.check = check;
  }

  @Override
  public boolean next() throws IOException {
    if (stopped) {
      return false;
    }
    if (reader.next()) {
      delivered++;
      CaptureRecord r = reader.record();
      if (r.capturedLength() > r.originalLength()) {
        anomalies++;
      }
      return true;
    }
    stopped = true;
    if (reader.damage().isEmpty()) {
      long next = input.position();
      boolean atEnd = input.fill(1) == 0;
      successorOutOfSync = !check.inSync(reader, next, atEnd);
    }
    return false;
  }

  @Override
  public CaptureRecord record() {
    return reader.record();
  }

  @Override
  public CaptureFormat format() {
    return reader.format();
  }

  @Override
  public Optional<CaptureDamage> damage() {
    return reader.damage();
  }

  @Override
  public long records() {
    return delivered;
  }

  @Override
  public long anomalies() {
    return anomalies;
  }

  @Override
  public int[] linkTypes() {
    return reader.linkTypes();
  }

  @Override
  public long splitStart() {
    return start;
  }

  @Override
  public long splitEnd() {
    return end;
  }

  @Override
  public boolean successorOutOfSync() {
    return successorOutOfSync;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
