package dev.ftprecon.jobs.source;

import dev.ftprecon.jobs.input.SerializableConfiguration;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.StructType;

/** What travels to executors: the broadcast Hadoop conf, the options and the selected columns. */
final class PcapPartitionReaderFactory implements PartitionReaderFactory {
  private static final long serialVersionUID = 1L;
  private final Broadcast<SerializableConfiguration> conf;
  private final PcapOptions options;
  private final StructType readSchema;

  PcapPartitionReaderFactory(
      Broadcast<SerializableConfiguration> conf, PcapOptions options, StructType readSchema) {
    this.conf = conf;
    this.options = options;
    this.readSchema = readSchema;
  }

  @Override
  public PartitionReader<InternalRow> createReader(InputPartition partition) {
    return new PcapPartitionReader(
        ((PcapInputPartition) partition).splits(),
        conf.value().value(),
        options,
        PcapSchema.columns(readSchema));
  }
}
