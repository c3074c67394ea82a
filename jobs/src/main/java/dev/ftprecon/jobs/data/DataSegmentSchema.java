package dev.ftprecon.jobs.data;

import static org.apache.spark.sql.types.DataTypes.BinaryType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;

import dev.ftprecon.tcp.PointerRun;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A run of data-direction segment pointers ({@link PointerRun}) tagged with its transfer: its first
 * segment's fields, which the assembly sorts runs by (the offset is 64-bit: the second pass unwraps
 * sequence numbers, see {@link TaggedSegments}), the packed segments, and the payload of a run's
 * only segment when it cannot be re-read where it lies.
 */
final class DataSegmentSchema {
  static final String TRANSFER = "transfer";
  static final String OFFSET = "offset";

  /** The assembling task of the row's transfer (see {@link TransferBins}). */
  static final String BIN = "bin";

  static final int I_TRANSFER = 0;
  static final int I_TS = 1;
  static final int I_CAPTURE = 2;
  static final int I_RECORD = 3;
  static final int I_PAYLOAD_POS = 4;
  static final int I_OFFSET = 5;
  static final int I_SEGMENTS = 6;
  static final int I_PACKED = 7;
  static final int I_PAYLOAD = 8;
  static final int I_BIN = 9;

  static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            field(TRANSFER, IntegerType, false),
            field("ts_ns", LongType, false),
            field("capture_id", IntegerType, false),
            field("record_offset", LongType, false),
            field("payload_pos", LongType, false),
            field(OFFSET, LongType, false),
            field("segments", IntegerType, false),
            field("packed", BinaryType, false),
            field("payload", BinaryType, true),
            field(BIN, IntegerType, false)
          });

  private static StructField field(
      String name, org.apache.spark.sql.types.DataType type, boolean n) {
    return new StructField(name, type, n, Metadata.empty());
  }

  private DataSegmentSchema() {}
}
