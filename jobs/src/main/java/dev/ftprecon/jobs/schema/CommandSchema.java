package dev.ftprecon.jobs.schema;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import org.apache.spark.sql.types.StructType;

/** The {@code commands} table: every command of every session, paired with its reply. */
public final class CommandSchema {
  public static final StructType SCHEMA =
      new Fields()
          .required("session_id", StringType)
          .required("seq", IntegerType)
          .optional("time", TimestampType)
          .required("command", StringType)
          .optional("arg", StringType)
          .optional("reply_code", IntegerType)
          .optional("reply_text", StringType)
          .build();

  private CommandSchema() {}
}
