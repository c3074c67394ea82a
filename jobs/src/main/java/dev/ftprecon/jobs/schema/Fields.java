package dev.ftprecon.jobs.schema;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** A small builder so each table's schema reads as a column list. */
final class Fields {
  private final List<StructField> fields = new ArrayList<>();

  Fields required(String name, DataType type) {
    fields.add(new StructField(name, type, false, Meta.NONE));
    return this;
  }

  Fields optional(String name, DataType type) {
    fields.add(new StructField(name, type, true, Meta.NONE));
    return this;
  }

  StructType build() {
    return new StructType(fields.toArray(StructField[]::new));
  }
}
