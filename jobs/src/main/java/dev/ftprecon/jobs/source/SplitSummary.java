package dev.ftprecon.jobs.source;

import dev.ftprecon.jobs.schema.CaptureSchema;
import java.io.Serializable;

/**
 * What reading one split found, beside its segment rows; the driver combines a file's split
 * summaries into its captures row.
 *
 * @param fileId the file's id in this run
 * @param splitStart first byte of the split
 * @param format {@code pcap} or {@code pcapng}; null when the file is not a capture
 * @param linkTypes LINKTYPE_ values the split's reader saw declared, sorted
 * @param packets records read in the split
 * @param tcpSegments records that decoded to TCP
 * @param firstNanos earliest record time; {@link Long#MAX_VALUE} when no record
 * @param lastNanos latest record time; {@link Long#MIN_VALUE} when no record
 * @param status one of {@link CaptureSchema}'s statuses
 * @param error what was wrong; null when ok
 * @param errorOffset byte offset of the damaged record or block; null when unknown or ok
 * @param stopOffset the file offset from which no record was read because of the trouble: the
 *     damage offset, or just past the last record read when the stream failed; -1 when ok
 * @param successorOutOfSync the split reader found the next split would start off the true record
 *     boundaries (see {@code SplitCaptureReader})
 */
public record SplitSummary(
    int fileId,
    long splitStart,
    String format,
    int[] linkTypes,
    long packets,
    long tcpSegments,
    long firstNanos,
    long lastNanos,
    String status,
    String error,
    Long errorOffset,
    long stopOffset,
    boolean successorOutOfSync)
    implements Serializable {

  public boolean stopped() {
    return stopOffset >= 0;
  }

  public boolean unreadable() {
    return CaptureSchema.STATUS_UNREADABLE.equals(status);
  }
}
