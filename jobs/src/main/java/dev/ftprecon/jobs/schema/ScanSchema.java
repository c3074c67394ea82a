package dev.ftprecon.jobs.schema;

import org.apache.spark.sql.types.StructType;

/**
 * What one pass over the captures yields: segment rows, and after each file one row whose {@link
 * #CAPTURE} column (null on segment rows) summarises that file. One pass gives both, so no capture
 * is read twice.
 */
public final class ScanSchema {
  public static final String CAPTURE = "capture";

  public static final StructType SCHEMA =
      SegmentSchema.SCHEMA.add(CAPTURE, CaptureSchema.SCHEMA, true);

  private ScanSchema() {}
}
