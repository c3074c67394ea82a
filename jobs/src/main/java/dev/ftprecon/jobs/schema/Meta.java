package dev.ftprecon.jobs.schema;

import org.apache.spark.sql.types.Metadata;

final class Meta {
  static final Metadata NONE = Metadata.empty();

  private Meta() {}
}
