package dev.ftprecon.jobs.schema;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import org.apache.spark.sql.types.StructType;

/** The {@code captures} table: one row per input file, capture or not. */
public final class CaptureSchema {
  public static final String STATUS_OK = "ok";
  public static final String STATUS_DAMAGED = "damaged";
  public static final String STATUS_UNREADABLE = "unreadable";

  public static final StructType SCHEMA =
      new Fields()
          .required("path", StringType)
          .optional("format", StringType)
          .required("link_types", createArrayType(IntegerType, false))
          .required("packets", LongType)
          .required("tcp_segments", LongType)
          .required("bytes", LongType)
          .optional("first_time", TimestampType)
          .optional("last_time", TimestampType)
          .optional("sha256", StringType)
          .required("status", StringType)
          .optional("error", StringType)
          .optional("error_offset", LongType)
          .build();

  private CaptureSchema() {}
}
