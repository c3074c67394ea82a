package dev.ftprecon.jobs.schema;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.types.DataTypes.BinaryType;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * One decoded TCP segment: a pointer to where its payload lies in its capture, not the payload
 * itself. Payload bytes travel in {@link #PAYLOAD} only for control-channel candidates (small text)
 * and for captures that cannot be read positionally (compressed ones).
 */
public final class SegmentSchema {
  public static final String CAPTURE_ID = "capture_id";
  public static final String RECORD_OFFSET = "record_offset";

  /** Absolute byte offset of the first payload byte in the capture file; -1 when not seekable. */
  public static final String PAYLOAD_POS = "payload_pos";

  public static final String TS_NS = "ts_ns";
  public static final String IP_VERSION = "ip_version";
  public static final String SRC_IP = "src_ip";
  public static final String DST_IP = "dst_ip";
  public static final String SRC_PORT = "src_port";
  public static final String DST_PORT = "dst_port";
  public static final String SEQ = "seq";
  public static final String ACK = "ack";
  public static final String FLAGS = "flags";
  public static final String PAYLOAD_LEN = "payload_len";
  public static final String PAYLOAD_CLAIMED_LEN = "payload_claimed_len";
  public static final String TRUNCATED = "truncated";

  public static final String PAYLOAD = "payload";

  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            new StructField(CAPTURE_ID, IntegerType, false, Meta.NONE),
            new StructField(RECORD_OFFSET, LongType, false, Meta.NONE),
            new StructField(PAYLOAD_POS, LongType, false, Meta.NONE),
            new StructField(TS_NS, LongType, false, Meta.NONE),
            new StructField(IP_VERSION, IntegerType, false, Meta.NONE),
            new StructField(SRC_IP, StringType, false, Meta.NONE),
            new StructField(DST_IP, StringType, false, Meta.NONE),
            new StructField(SRC_PORT, IntegerType, false, Meta.NONE),
            new StructField(DST_PORT, IntegerType, false, Meta.NONE),
            new StructField(SEQ, LongType, false, Meta.NONE),
            new StructField(ACK, LongType, false, Meta.NONE),
            new StructField(FLAGS, IntegerType, false, Meta.NONE),
            new StructField(PAYLOAD_LEN, IntegerType, false, Meta.NONE),
            new StructField(PAYLOAD_CLAIMED_LEN, IntegerType, false, Meta.NONE),
            new StructField(TRUNCATED, BooleanType, false, Meta.NONE),
            new StructField(PAYLOAD, BinaryType, true, Meta.NONE)
          });

  /**
   * An endpoint of a row as text, "ip|port" of the columns {@code ip} and {@code port}: as the data
   * channels' keys spell it ({@code dev.ftprecon.jobs.data.ConnectionKey#endpoint}).
   */
  public static Column endpoint(String ip, String port) {
    return concat(col(ip), lit("|"), col(port).cast("string"));
  }

  private SegmentSchema() {}
}
