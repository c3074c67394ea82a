package dev.ftprecon.jobs.schema;

import static org.apache.spark.sql.types.DataTypes.BinaryType;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import org.apache.spark.sql.types.StructType;

/**
 * What the first pass over the captures yields, three kinds of rows in one schema: segment rows of
 * control-port traffic (with their payload; {@link #FACTS} and {@link #SPLIT} null); one row per
 * connection direction and split whose {@link #FACTS} column holds that direction's facts (its
 * addresses and ports in the segment columns, the split's start in {@code record_offset}); and
 * after each split one row whose {@link #SPLIT} column summarises it. The driver combines the
 * summaries, with each file's hash, into the captures table.
 */
public final class ScanSchema {
  public static final String SPLIT = "split";

  public static final String CAPTURE_ID = "capture_id";
  public static final String SPLIT_START = "split_start";
  public static final String FORMAT = "format";
  public static final String LINK_TYPES = "link_types";
  public static final String PACKETS = "packets";
  public static final String TCP_SEGMENTS = "tcp_segments";
  public static final String FIRST_NS = "first_ns";
  public static final String LAST_NS = "last_ns";
  public static final String STATUS = "status";
  public static final String ERROR = "error";
  public static final String ERROR_OFFSET = "error_offset";

  /** Where reading stopped on trouble (damage offset, or past the last record read); -1 if not. */
  public static final String STOP_OFFSET = "stop_offset";

  public static final String SUCCESSOR_OUT_OF_SYNC = "successor_out_of_sync";

  /**
   * Whether the split's facts rows carry complete logs of every direction's stream segments ({@link
   * #LOG}): then the data pass replays them instead of reading the split again.
   */
  public static final String LOGGED = "logged";

  public static final StructType SPLIT_SCHEMA =
      new Fields()
          .required(CAPTURE_ID, IntegerType)
          .required(SPLIT_START, LongType)
          .optional(FORMAT, StringType)
          .required(LINK_TYPES, createArrayType(IntegerType, false))
          .required(PACKETS, LongType)
          .required(TCP_SEGMENTS, LongType)
          .required(FIRST_NS, LongType)
          .required(LAST_NS, LongType)
          .optional(STATUS, StringType)
          .optional(ERROR, StringType)
          .optional(ERROR_OFFSET, LongType)
          .required(STOP_OFFSET, LongType)
          .required(SUCCESSOR_OUT_OF_SYNC, BooleanType)
          .required(LOGGED, BooleanType)
          .build();

  public static final String FACTS = "facts";

  /** Per direction: see {@link dev.ftprecon.flow.DirectionFacts}; times never seen are null. */
  public static final StructType FACTS_SCHEMA =
      new Fields()
          .required("first_ns", LongType)
          .required("last_ns", LongType)
          .optional("syn_ns", LongType)
          .optional("rst_ns", LongType)
          .required("payload_bytes", LongType)
          .required("segments", LongType)
          .optional("first_payload_ns", LongType)
          .required("first_payload_head", IntegerType)
          .required("greeting", BooleanType)
          // The sequence span (dev.ftprecon.tcp.SequenceSpan) of this piece of the split; null
          // first_* when no segment carried stream.
          .required("piece", IntegerType)
          .optional("span_first_ns", LongType)
          .optional("span_first_seq", LongType)
          .required("span_first_syn", BooleanType)
          .required("span_highest_start", LongType)
          .optional("span_highest_end", LongType)
          .build();

  /**
   * On a facts row, the packed log of the direction's stream segments in the split ({@code
   * dev.ftprecon.tcp.SegmentLog}), and how many it holds; null when the split's logs were dropped.
   * Columns of their own, so that the jobs reading the facts never read the logs.
   */
  public static final String LOG = "log";

  public static final String LOG_SEGMENTS = "log_segments";

  public static final StructType SCHEMA =
      SegmentSchema.SCHEMA
          .add(FACTS, FACTS_SCHEMA, true)
          .add(SPLIT, SPLIT_SCHEMA, true)
          .add(LOG, BinaryType, true)
          .add(LOG_SEGMENTS, IntegerType, true);

  private ScanSchema() {}
}
