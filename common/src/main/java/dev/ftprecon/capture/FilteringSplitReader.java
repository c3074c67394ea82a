package dev.ftprecon.capture;

import java.io.IOException;
import java.util.Optional;

/**
 * The reference split reader: reads the file from its first byte and delivers only the records that
 * start in the range. Exact by construction and therefore the oracle for faster readers, but it
 * reads {@code start} bytes it then discards; used for compressed input only at offset 0.
 */
final class FilteringSplitReader implements SplitCaptureReader {
  private final CaptureReader whole;
  private final long start;
  private final long end;
  private long delivered;

  FilteringSplitReader(CaptureReader whole, long start, long end) {
    this.whole = whole;
    this.start = start;
    this.end = end;
  }

  @Override
  public boolean next() throws IOException {
    while (whole.next()) {
      long offset = whole.record().recordOffset();
      if (offset >= end) {
        return false;
      }
      if (offset >= start) {
        delivered++;
        return true;
      }
    }
    return false;
  }

  @Override
  public CaptureRecord record() {
    return whole.record();
  }

  @Override
  public CaptureFormat format() {
    return whole.format();
  }

  @Override
  public Optional<CaptureDamage> damage() {
    return whole.damage();
  }

  @Override
  public long records() {
    return delivered;
  }

  @Override
  public long anomalies() {
    return whole.anomalies();
  }

  @Override
  public int[] linkTypes() {
    return whole.linkTypes();
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
    return false;
  }

  @Override
  public void close() throws IOException {
    whole.close();
  }
}
