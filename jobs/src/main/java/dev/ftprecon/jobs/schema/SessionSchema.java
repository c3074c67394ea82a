package dev.ftprecon.jobs.schema;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createMapType;

import org.apache.spark.sql.types.StructType;

/** The {@code sessions} table: one row per FTP control connection. */
public final class SessionSchema {
  public static final StructType SCHEMA =
      new Fields()
          .required("session_id", StringType)
          .required("ip_version", IntegerType)
          .required("client_ip", StringType)
          .required("client_port", IntegerType)
          .required("server_ip", StringType)
          .required("server_port", IntegerType)
          .optional("user", StringType)
          .optional("password", StringType)
          .optional("login_succeeded", BooleanType)
          .required("failed_logins", IntegerType)
          .optional("banner", StringType)
          .optional("start_time", TimestampType)
          .optional("end_time", TimestampType)
          .required("transfer_count", IntegerType)
          .required("tls", BooleanType)
          .required("captures", createArrayType(StringType, false))
          .required("anomalies", createMapType(StringType, IntegerType, false))
          .build();

  private SessionSchema() {}
}
