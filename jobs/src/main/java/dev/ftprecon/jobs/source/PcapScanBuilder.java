package dev.ftprecon.jobs.source;

import dev.ftprecon.jobs.input.CaptureFile;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.types.StructType;

/**
 * Takes the columns a query needs, so that unselected ones (the payload above all) cost nothing.
 */
final class PcapScanBuilder implements ScanBuilder, SupportsPushDownRequiredColumns {
  private final List<CaptureFile> files;
  private final PcapOptions options;
  private final Configuration hadoopConf;
  private StructType required = PcapSchema.SCHEMA;

  PcapScanBuilder(List<CaptureFile> files, PcapOptions options, Configuration hadoopConf) {
    this.files = files;
    this.options = options;
    this.hadoopConf = hadoopConf;
  }

  @Override
  public void pruneColumns(StructType requiredSchema) {
    this.required = requiredSchema;
  }

  @Override
  public Scan build() {
    return new PcapScan(files, options, hadoopConf, required);
  }
}
