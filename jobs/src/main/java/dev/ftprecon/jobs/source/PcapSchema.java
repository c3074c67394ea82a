package dev.ftprecon.jobs.source;

import java.util.Arrays;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The schema of {@code spark.read.format("pcap")}: the {@link PcapColumn}s in order. */
public final class PcapSchema {
  public static final StructType SCHEMA =
      new StructType(
          Arrays.stream(PcapColumn.values())
              .map(c -> new StructField(c.columnName(), c.type(), c.nullable(), Metadata.empty()))
              .toArray(StructField[]::new));

  private PcapSchema() {}

  /** The columns of a pruned schema, in its order. */
  static PcapColumn[] columns(StructType schema) {
    return Arrays.stream(schema.fieldNames()).map(PcapColumn::named).toArray(PcapColumn[]::new);
  }
}
