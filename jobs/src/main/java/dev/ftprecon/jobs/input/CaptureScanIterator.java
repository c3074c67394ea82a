package dev.ftprecon.jobs.input;

import dev.ftprecon.capture.CaptureDamage;
import dev.ftprecon.capture.CaptureReader;
import dev.ftprecon.capture.CaptureReaders;
import dev.ftprecon.capture.CaptureRecord;
import dev.ftprecon.capture.NotACaptureException;
import dev.ftprecon.jobs.schema.CaptureSchema;
import dev.ftprecon.packet.DecodeStatus;
import dev.ftprecon.packet.PacketDecoder;
import dev.ftprecon.packet.TcpSegment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Reads one capture lazily into scan rows (see {@code ScanSchema}): a row per TCP segment, then one
 * summary row. Damage stops the reading of that file only; what came before is kept and the summary
 * says where and why it stopped.
 */
final class CaptureScanIterator implements Iterator<Row> {
  private static final byte[] NO_PAYLOAD = null;

  private final CaptureFile file;
  private final Configuration conf;
  private final Set<Integer> controlPorts;
  private final PacketDecoder decoder = new PacketDecoder();
  private final TcpSegment segment = new TcpSegment();

  private MessageDigest sha256;
  private InputStream raw;
  private CaptureReader reader;
  private boolean seekable;
  private Row next;
  private boolean summarised;

  private long packets;
  private long tcpSegments;
  private long firstNanos = Long.MAX_VALUE;
  private long lastNanos = Long.MIN_VALUE;
  private String status = CaptureSchema.STATUS_OK;
  private String error;
  private Long errorOffset;

  CaptureScanIterator(CaptureFile file, Configuration conf, Set<Integer> controlPorts) {
    this.file = file;
    this.conf = conf;
    this.controlPorts = controlPorts;
  }

  @Override
  public boolean hasNext() {
    if (next == null && !summarised) {
      next = advance();
    }
    return next != null;
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Row row = next;
    next = null;
    return row;
  }

  private Row advance() {
    try {
      if (raw == null && !open()) {
        return summary();
      }
      while (reader.next()) {
        CaptureRecord record = reader.record();
        packets++;
        long ts = record.timestampNanos();
        firstNanos = Math.min(firstNanos, ts);
        lastNanos = Math.max(lastNanos, ts);
        DecodeStatus decoded =
            decoder.decode(
                record.linkType(),
                record.buffer(),
                record.bufferOffset(),
                record.capturedLength(),
                record.originalLength(),
                segment);
        if (decoded == DecodeStatus.TCP) {
          tcpSegments++;
          return segmentRow(record);
        }
      }
      reader.damage().ifPresent(this::damaged);
    } catch (IOException | UncheckedIOException e) {
      status = CaptureSchema.STATUS_DAMAGED;
      error = "read failed after " + packets + " records: " + e;
    }
    return summary();
  }

  private boolean open() throws IOException {
    Path path = new Path(file.path());
    FileSystem fs = path.getFileSystem(conf);
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK without SHA-256", e);
    }
    raw = new DigestInputStream(fs.open(path), sha256);
    CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
    seekable = codec == null;
    InputStream in = seekable ? raw : codec.createInputStream(raw);
    try {
      reader = CaptureReaders.open(in);
      return true;
    } catch (NotACaptureException e) {
      status = CaptureSchema.STATUS_UNREADABLE;
      error = e.getMessage();
      return false;
    }
  }

  private void damaged(CaptureDamage damage) {
    status = CaptureSchema.STATUS_DAMAGED;
    error = damage.message();
    errorOffset = damage.offset();
  }

  private Row segmentRow(CaptureRecord record) {
    int len = segment.payloadLength();
    int start = record.bufferOffset() + segment.payloadOffset();
    boolean control =
        controlPorts.contains(segment.srcPort()) || controlPorts.contains(segment.dstPort());
    byte[] payload =
        len > 0 && (control || !seekable)
            ? Arrays.copyOfRange(record.buffer(), start, start + len)
            : NO_PAYLOAD;
    long payloadPos = seekable ? record.dataOffset() + segment.payloadOffset() : -1L;
    return RowFactory.create(
        file.id(),
        record.recordOffset(),
        payloadPos,
        record.timestampNanos(),
        segment.ipVersion(),
        segment.srcIp(),
        segment.dstIp(),
        segment.srcPort(),
        segment.dstPort(),
        segment.seq(),
        segment.ack(),
        segment.flags(),
        len,
        segment.payloadClaimedLength(),
        segment.truncated(),
        len >= 4 ? head(record.buffer(), start) : 0,
        payload,
        null);
  }

  private static int head(byte[] b, int i) {
    return ((b[i] & 0xFF) << 24)
        | ((b[i + 1] & 0xFF) << 16)
        | ((b[i + 2] & 0xFF) << 8)
        | (b[i + 3] & 0xFF);
  }

  private Row summary() {
    summarised = true;
    String digest = null;
    try {
      if (raw != null) {
        raw.transferTo(OutputStream.nullOutputStream()); // hash the whole file, also past damage
        digest = HexFormat.of().formatHex(sha256.digest());
      }
    } catch (IOException e) {
      if (error == null) {
        status = CaptureSchema.STATUS_DAMAGED;
        error = "read failed: " + e;
      }
    } finally {
      closeQuietly();
    }
    Row capture =
        RowFactory.create(
            file.path(),
            reader == null ? null : reader.format().name().toLowerCase(Locale.ROOT),
            reader == null ? new int[0] : reader.linkTypes(),
            packets,
            tcpSegments,
            file.length(),
            packets == 0 ? null : dev.ftprecon.jobs.schema.Times.timestamp(firstNanos),
            packets == 0 ? null : dev.ftprecon.jobs.schema.Times.timestamp(lastNanos),
            digest,
            status,
            error,
            errorOffset);
    return RowFactory.create(
        file.id(), -1L, -1L, 0L, 0, "", "", 0, 0, 0L, 0L, 0, 0, 0, false, 0, null, capture);
  }

  private void closeQuietly() {
    try {
      if (reader != null) {
        reader.close();
      }
      if (raw != null) {
        raw.close();
      }
    } catch (IOException ignored) {
      // Closing a read-only stream: nothing was lost.
    }
  }
}
