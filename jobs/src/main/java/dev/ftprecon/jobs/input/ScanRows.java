package dev.ftprecon.jobs.input;

import dev.ftprecon.capture.CaptureRecord;
import dev.ftprecon.flow.DirectionFacts;
import dev.ftprecon.flow.DirectionKey;
import dev.ftprecon.jobs.schema.ScanSchema;
import dev.ftprecon.jobs.source.SplitSummary;
import dev.ftprecon.packet.IpAddressFormatter;
import dev.ftprecon.packet.TcpSegment;
import dev.ftprecon.tcp.SegmentLog;
import dev.ftprecon.tcp.SequenceSpan;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeArrayData;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Builds the rows of {@link ScanSchema} in Spark's internal form (strings as UTF8String, arrays as
 * ArrayData), so that no per-row conversion from external {@link Row}s runs between the scan and
 * the cache; reads the split rows back on the driver.
 */
public final class ScanRows {
  private static final byte[] NO_PAYLOAD = null;

  private ScanRows() {}

  /**
   * A segment row: payload bytes travel when {@code withPayload} (control-channel candidates) and
   * for captures that cannot be re-read positionally (compressed ones); otherwise it is a pointer.
   */
  static InternalRow segment(
      int fileId, CaptureRecord record, TcpSegment segment, boolean seekable, boolean withPayload) {
    int len = segment.payloadLength();
    // A segment rebuilt from IP fragments has no single position in the file: its bytes travel.
    boolean inFile = seekable && !segment.reassembled();
    byte[] bytes = payloadArray(record, segment);
    int start = payloadStart(record, segment);
    byte[] payload =
        len > 0 && (withPayload || !inFile)
            ? Arrays.copyOfRange(bytes, start, start + len)
            : NO_PAYLOAD;
    long payloadPos = inFile ? record.dataOffset() + segment.payloadOffset() : -1L;
    return new GenericInternalRow(
        new Object[] {
          fileId,
          record.recordOffset(),
          payloadPos,
          record.timestampNanos(),
          segment.ipVersion(),
          UTF8String.fromString(segment.srcIp()),
          UTF8String.fromString(segment.dstIp()),
          segment.srcPort(),
          segment.dstPort(),
          segment.seq(),
          segment.ack(),
          segment.flags(),
          len,
          segment.payloadClaimedLength(),
          segment.truncated(),
          payload,
          null,
          null,
          null,
          null
        });
  }

  /** The first four payload bytes as a big-endian int, 0 when the payload is shorter. */
  static int head(CaptureRecord record, TcpSegment segment) {
    if (segment.payloadLength() < 4) {
      return 0;
    }
    byte[] b = payloadArray(record, segment);
    int i = payloadStart(record, segment);
    return ((b[i] & 0xFF) << 24)
        | ((b[i + 1] & 0xFF) << 16)
        | ((b[i + 2] & 0xFF) << 8)
        | (b[i + 3] & 0xFF);
  }

  /**
   * The payload bytes when they cannot be re-read where they lie (rebuilt from fragments, or read
   * through a codec), else null.
   */
  public static byte[] inlinePayload(CaptureRecord record, TcpSegment segment, boolean seekable) {
    int len = segment.payloadLength();
    if (len == 0 || (seekable && !segment.reassembled())) {
      return null;
    }
    int start = payloadStart(record, segment);
    return Arrays.copyOfRange(payloadArray(record, segment), start, start + len);
  }

  /** Absolute file offset of the payload's first byte, or -1 when it has none to re-read at. */
  public static long payloadPosition(CaptureRecord record, TcpSegment segment, boolean seekable) {
    return seekable && !segment.reassembled() ? record.dataOffset() + segment.payloadOffset() : -1L;
  }

  private static byte[] payloadArray(CaptureRecord record, TcpSegment segment) {
    return segment.reassembled() ? segment.reassembledBytes() : record.buffer();
  }

  private static int payloadStart(CaptureRecord record, TcpSegment segment) {
    return (segment.reassembled() ? 0 : record.bufferOffset()) + segment.payloadOffset();
  }

  /**
   * One direction's facts over (part of) a split; {@code record_offset} holds the split's start, so
   * that a file's cut (see {@link CaptureSummaries#cuts()}) drops the facts of the splits past it.
   */
  static InternalRow facts(int fileId, long splitStart, DirectionKey key, DirectionFacts f) {
    SegmentLog.Writer log = f.log();
    int ipVersion = key.srcAddress().length == 16 ? 6 : key.srcAddress().length == 4 ? 4 : 0;
    SequenceSpan span = f.span();
    InternalRow facts =
        row(
            f.firstNanos(),
            f.lastNanos(),
            seen(f.synNanos()),
            seen(f.rstNanos()),
            f.payloadBytes(),
            f.segments(),
            seen(f.firstPayloadNanos()),
            f.firstPayloadHead(),
            f.greeting(),
            f.piece(),
            span.isEmpty() ? null : span.firstNanos(),
            span.isEmpty() ? null : span.firstSeq(),
            span.firstIsSyn(),
            span.highestStart(),
            span.highestEnd() == SequenceSpan.NO_END ? null : span.highestEnd());
    return row(
        fileId,
        splitStart,
        -1L,
        f.firstNanos(),
        ipVersion,
        UTF8String.fromString(IpAddressFormatter.format(key.srcAddress())),
        UTF8String.fromString(IpAddressFormatter.format(key.dstAddress())),
        key.srcPort(),
        key.dstPort(),
        0L,
        0L,
        0,
        0,
        0,
        false,
        null,
        facts,
        null,
        log == null ? null : log.toBytes(),
        log == null ? null : log.count());
  }

  private static Long seen(long nanos) {
    return nanos == DirectionFacts.NONE ? null : nanos;
  }

  static InternalRow summary(SplitSummary s, boolean logged) {
    return withSplit(
        row(
            s.fileId(),
            s.splitStart(),
            utf8(s.format()),
            UnsafeArrayData.fromPrimitiveArray(s.linkTypes()),
            s.packets(),
            s.tcpSegments(),
            s.firstNanos(),
            s.lastNanos(),
            utf8(s.status()),
            utf8(s.error()),
            s.errorOffset(),
            s.stopOffset(),
            s.successorOutOfSync(),
            logged));
  }

  private static InternalRow withSplit(InternalRow split) {
    UTF8String none = UTF8String.EMPTY_UTF8;
    return row(
        -1, -1L, -1L, 0L, 0, none, none, 0, 0, 0L, 0L, 0, 0, 0, false, null, null, split, null,
        null);
  }

  private static InternalRow row(Object... values) {
    return new GenericInternalRow(values);
  }

  private static UTF8String utf8(String s) {
    return s == null ? null : UTF8String.fromString(s);
  }

  static SplitSummary toSummary(Row split) {
    List<Integer> linkTypes = split.getList(split.fieldIndex(ScanSchema.LINK_TYPES));
    return new SplitSummary(
        split.getAs(ScanSchema.CAPTURE_ID),
        split.getAs(ScanSchema.SPLIT_START),
        split.getAs(ScanSchema.FORMAT),
        linkTypes.stream().mapToInt(Integer::intValue).toArray(),
        split.getAs(ScanSchema.PACKETS),
        split.getAs(ScanSchema.TCP_SEGMENTS),
        split.getAs(ScanSchema.FIRST_NS),
        split.getAs(ScanSchema.LAST_NS),
        split.getAs(ScanSchema.STATUS),
        split.getAs(ScanSchema.ERROR),
        split.getAs(ScanSchema.ERROR_OFFSET),
        split.getAs(ScanSchema.STOP_OFFSET),
        split.getAs(ScanSchema.SUCCESSOR_OUT_OF_SYNC));
  }
}
