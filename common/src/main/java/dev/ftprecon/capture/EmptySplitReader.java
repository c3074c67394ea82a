package dev.ftprecon.capture;

import java.util.Optional;

/**
 * A split without records: it starts after damage the header region already showed, or no
 * believable record boundary was found for it.
 */
final class EmptySplitReader implements SplitCaptureReader {
  private final CaptureRecord record = new CaptureRecord();
  private final CaptureFormat format;
  private final int[] linkTypes;
  private final long start;
  private final long end;
  private final boolean successorOutOfSync;

  EmptySplitReader(
      CaptureFormat format, int[] linkTypes, long start, long end, boolean successorOutOfSync) {
    this.format = format;
    this.linkTypes = linkTypes.clone();
    this.start = start;
    this.end = end;
    this.successorOutOfSync = successorOutOfSync;
  }

  @Override
  public boolean next() {
    return false;
  }

  @Override
  public CaptureRecord record() {
    return record;
  }

  @Override
  public CaptureFormat format() {
    return format;
  }

  @Override
  public Optional<CaptureDamage> damage() {
    return Optional.empty();
  }

  @Override
  public long records() {
    return 0;
  }

  @Override
  public long anomalies() {
    return 0;
  }

  @Override
  public int[] linkTypes() {
    return linkTypes.clone();
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
  public void close() {}
}
