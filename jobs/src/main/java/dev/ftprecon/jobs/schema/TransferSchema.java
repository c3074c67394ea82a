package dev.ftprecon.jobs.schema;

import static org.apache.spark.sql.types.DataTypes.BinaryType;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import org.apache.spark.sql.types.StructType;

/** The {@code transfers} table: one row per data transfer command. See docs/index-schema.md. */
public final class TransferSchema {
  public static final StructType RANGE =
      new Fields().required("start", LongType).required("end", LongType).build();

  /** Where a record lies: the capture's path and the byte offset of the record in it. */
  public static final StructType RECORD =
      new Fields().required("capture", StringType).required("offset", LongType).build();

  public static final StructType SCHEMA =
      new Fields()
          .required("transfer_id", StringType)
          .required("session_id", StringType)
          .required("command", StringType)
          .required("path", StringType)
          .required("path_bytes", BinaryType)
          .optional("resolved_path", StringType)
          .required("direction", StringType)
          .required("mode", StringType)
          .required("ip_version", IntegerType)
          .required("client_ip", StringType)
          .required("client_port", IntegerType)
          .required("server_ip", StringType)
          .required("server_port", IntegerType)
          .optional("data_client_ip", StringType)
          .optional("data_client_port", IntegerType)
          .optional("data_server_ip", StringType)
          .optional("data_server_port", IntegerType)
          .optional("user", StringType)
          .optional("start_time", TimestampType)
          .optional("end_time", TimestampType)
          .required("bytes", LongType)
          .optional("expected_bytes", LongType)
          .optional("sha256", StringType)
          .optional("md5", StringType)
          .optional("mime_type", StringType)
          .required("status", StringType)
          .required("missing_bytes", LongType)
          .required("gaps", createArrayType(RANGE, false))
          .required("rest_offset", LongType)
          .optional("transfer_type", StringType)
          .optional("reply_code", IntegerType)
          .optional("reply_text", StringType)
          .optional("file", StringType)
          .required("captures", createArrayType(StringType, false))
          .optional("first_record", RECORD)
          .optional("last_record", RECORD)
          .required("duplicate_bytes", LongType)
          .required("conflict_bytes", LongType)
          .required("conflicts", createArrayType(RANGE, false))
          .required("announced_address_differs", BooleanType)
          .required("endpoint_reused", BooleanType)
          .optional("stored_name", StringType)
          .required("segments", LongType)
          .build();

  private TransferSchema() {}
}
