package dev.ftprecon.jobs.source;

import dev.ftprecon.jobs.input.CaptureFile;
import dev.ftprecon.jobs.input.SerializableConfiguration;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.types.StructType;

/** Plans the splits of the listed captures with the job's own {@link SplitPlanner}. */
final class PcapScan implements Scan, Batch {
  private final List<CaptureFile> files;
  private final PcapOptions options;
  private final Configuration hadoopConf;
  private final StructType readSchema;

  PcapScan(
      List<CaptureFile> files,
      PcapOptions options,
      Configuration hadoopConf,
      StructType readSchema) {
    this.files = files;
    this.options = options;
    this.hadoopConf = hadoopConf;
    this.readSchema = readSchema;
  }

  @Override
  public StructType readSchema() {
    return readSchema;
  }

  @Override
  public String description() {
    return "pcap " + files.size() + " files " + options.paths();
  }

  @Override
  public Batch toBatch() {
    return this;
  }

  @Override
  public InputPartition[] planInputPartitions() {
    SplitPlanner planner = new SplitPlanner(SplitSettings.of(SparkSession.active()));
    return planner.plan(files, HadoopCaptures.compression(hadoopConf)).stream()
        .map(PcapInputPartition::new)
        .toArray(InputPartition[]::new);
  }

  @Override
  public PartitionReaderFactory createReaderFactory() {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(SparkSession.active().sparkContext());
    Broadcast<SerializableConfiguration> conf =
        jsc.broadcast(new SerializableConfiguration(hadoopConf));
    return new PcapPartitionReaderFactory(conf, options, readSchema);
  }
}
