package dev.ftprecon.jobs.source;

import java.util.List;
import org.apache.spark.sql.connector.read.InputPartition;

/** One task of a {@code pcap} read: a packed group of splits. */
record PcapInputPartition(List<CaptureSplit> splits) implements InputPartition {
  PcapInputPartition {
    splits = List.copyOf(splits);
  }
}
