package dev.ftprecon.jobs.source;

import dev.ftprecon.jobs.input.CaptureFile;
import dev.ftprecon.jobs.input.CaptureInputs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** The captures named by a load: listed once, when the DataFrame is created. */
final class PcapTable implements SupportsRead {
  private final PcapOptions options;
  private final List<CaptureFile> files;
  private final Configuration hadoopConf;

  PcapTable(Map<String, String> properties) {
    org.apache.spark.sql.classic.SparkSession spark =
        (org.apache.spark.sql.classic.SparkSession) SparkSession.active();
    this.options = PcapOptions.parse(properties, spark.sessionState().conf().ignoreCorruptFiles());
    this.hadoopConf = spark.sessionState().newHadoopConf();
    if (options.paths().isEmpty()) {
      throw new IllegalArgumentException("pcap: no path given (expected: load(path, ...))");
    }
    try {
      this.files =
          CaptureInputs.list(
              hadoopConf, options.paths(), options.recursiveFileLookup(), options.pathGlobFilter());
    } catch (CaptureInputs.MissingInputException e) {
      throw new IllegalArgumentException("pcap: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("pcap: listing " + options.paths() + " failed", e);
    }
  }

  @Override
  public String name() {
    return "pcap " + options.paths();
  }

  @Override
  public StructType schema() {
    return PcapSchema.SCHEMA;
  }

  @Override
  public Set<TableCapability> capabilities() {
    return Set.of(TableCapability.BATCH_READ);
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap ignored) {
    return new PcapScanBuilder(files, options, hadoopConf);
  }
}
