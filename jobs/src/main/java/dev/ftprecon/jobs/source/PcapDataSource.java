package dev.ftprecon.jobs.source;

import java.util.Map;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * {@code spark.read.format("pcap").load(paths)}: one row per TCP segment of pcap and pcapng
 * captures ({@link PcapSchema}, options in {@link PcapOptions}). Registered under the short name
 * {@code pcap} through {@code META-INF/services/org.apache.spark.sql.sources.DataSourceRegister}.
 */
public final class PcapDataSource implements TableProvider, DataSourceRegister {
  public static final String SHORT_NAME = "pcap";

  @Override
  public String shortName() {
    return SHORT_NAME;
  }

  @Override
  public StructType inferSchema(CaseInsensitiveStringMap options) {
    return PcapSchema.SCHEMA;
  }

  @Override
  public Table getTable(
      StructType schema, Transform[] partitioning, Map<String, String> properties) {
    return new PcapTable(properties);
  }
}
