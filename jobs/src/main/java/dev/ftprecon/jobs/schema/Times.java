package dev.ftprecon.jobs.schema;

import java.sql.Timestamp;

/** Capture timestamps are epoch nanoseconds; Spark's TIMESTAMP keeps microseconds. */
public final class Times {
  public static Timestamp timestamp(long epochNanos) {
    Timestamp ts = new Timestamp(Math.floorDiv(epochNanos, 1_000_000L));
    ts.setNanos((int) Math.floorMod(epochNanos, 1_000_000_000L));
    return ts;
  }

  /** A nullable variant: a negative or unknown time gives null. */
  public static Timestamp timestampOrNull(long epochNanos) {
    return epochNanos < 0 || epochNanos == Long.MAX_VALUE ? null : timestamp(epochNanos);
  }

  private Times() {}
}
