package dev.ftprecon.jobs.source;

import dev.ftprecon.capture.CaptureRecord;
import dev.ftprecon.packet.TcpSegment;
import org.apache.spark.unsafe.types.UTF8String;

/** What a {@link PcapColumn} reads its value from: the current record of a split. */
interface PcapRecordView {
  UTF8String path();

  CaptureRecord record();

  TcpSegment segment();
}
