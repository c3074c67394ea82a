package dev.ftprecon.jobs.source;

import dev.ftprecon.capture.CaptureDamage;
import dev.ftprecon.capture.CaptureReader;
import dev.ftprecon.capture.CaptureReaders;
import dev.ftprecon.capture.CaptureRecord;
import dev.ftprecon.capture.NotACaptureException;
import dev.ftprecon.capture.SplitCaptureReader;
import dev.ftprecon.jobs.schema.CaptureSchema;
import dev.ftprecon.packet.DecodeStatus;
import dev.ftprecon.packet.FragmentReassemblyOptions;
import dev.ftprecon.packet.PacketDecoder;
import dev.ftprecon.packet.TcpSegment;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;

/**
 * Reads one split into TCP segments, one at a time, for the job's scan and the {@code pcap} data
 * source alike. Bad bytes never throw: reading stops and {@link #summary()} says where and why;
 * what came before was delivered. Typical use:
 *
 * <pre>{@code
 * try (SplitScanner s = new SplitScanner(split, conf)) {
 *   while (s.nextSegment()) { use(s.record(), s.segment()); }
 *   SplitSummary summary = s.summary();
 * }
 * }</pre>
 */
public final class SplitScanner implements Closeable {
  private final CaptureSplit split;
  private final Configuration conf;

  /**
   * IPv4 and IPv6 fragments are put back together (bounded, see {@link FragmentReassemblyOptions});
   * the fragments of one datagram must lie in the same split, which they do unless a split boundary
   * falls between them.
   */
  private final PacketDecoder decoder = new PacketDecoder(FragmentReassemblyOptions.DEFAULTS);

  private final TcpSegment segment = new TcpSegment();

  private CaptureReader reader;
  private SplitCaptureReader splitReader;
  private boolean opened;
  private boolean finished;
  private boolean closed;

  private long packets;
  private long tcpSegments;
  private long firstNanos = Long.MAX_VALUE;
  private long lastNanos = Long.MIN_VALUE;
  private long lastRecordOffset = -1;
  private String status = CaptureSchema.STATUS_OK;
  private String error;
  private Long errorOffset;
  private long stopOffset = -1;
  private boolean successorOutOfSync;

  public SplitScanner(CaptureSplit split, Configuration conf) {
    this.split = split;
    this.conf = conf;
  }

  /**
   * Moves to the next record of the split that decodes to a TCP segment.
   *
   * @return false at the end of the split or where reading stopped; false forever after
   */
  public boolean nextSegment() {
    if (finished) {
      return false;
    }
    try {
      if (!opened && !open()) {
        return finish();
      }
      while (reader.next()) {
        CaptureRecord record = reader.record();
        packets++;
        lastRecordOffset = record.recordOffset();
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
                ts,
                segment);
        if (decoded == DecodeStatus.TCP || decoded == DecodeStatus.TCP_REASSEMBLED) {
          tcpSegments++;
          return true;
        }
      }
      Optional<CaptureDamage> damage = reader.damage();
      if (damage.isPresent()) {
        stop(damage.get().offset(), damage.get().message(), damage.get().offset());
      } else if (splitReader != null) {
        successorOutOfSync = splitReader.successorOutOfSync();
      }
    } catch (IOException | UncheckedIOException e) {
      long at = lastRecordOffset < 0 ? split.start() : lastRecordOffset + 1;
      String where =
          lastRecordOffset < 0
              ? "at the start of split " + split.start()
              : "after the record at offset " + lastRecordOffset;
      stop(null, "read failed " + where + ": " + e, at);
    }
    return finish();
  }

  private boolean open() throws IOException {
    opened = true;
    try {
      if (split.compressed()) {
        InputStream in = HadoopCaptures.openDecompressed(conf, split.path());
        try {
          reader = CaptureReaders.open(in);
        } catch (IOException | RuntimeException e) {
          in.close();
          throw e;
        }
      } else {
        splitReader =
            CaptureReaders.openSplit(
                HadoopCaptures.opener(conf, split.path()), split.start(), split.end());
        reader = splitReader;
      }
      return true;
    } catch (NotACaptureException e) {
      status = CaptureSchema.STATUS_UNREADABLE;
      error = e.getMessage();
      stopOffset = 0;
      return false;
    }
  }

  private void stop(Long damageOffset, String message, long at) {
    status = CaptureSchema.STATUS_DAMAGED;
    error = message;
    errorOffset = damageOffset;
    stopOffset = at;
  }

  private boolean finish() {
    finished = true;
    close();
    return false;
  }

  public CaptureSplit split() {
    return split;
  }

  /** The current record; valid until the next call of {@link #nextSegment()}. */
  public CaptureRecord record() {
    return reader.record();
  }

  /** The current record's TCP segment; valid until the next call of {@link #nextSegment()}. */
  public TcpSegment segment() {
    return segment;
  }

  /** Whether payload bytes can later be re-read at their file offset (not through a codec). */
  public boolean seekable() {
    return !split.compressed();
  }

  /** What the split held; complete once {@link #nextSegment()} has returned false. */
  public SplitSummary summary() {
    return new SplitSummary(
        split.fileId(),
        split.start(),
        reader == null ? null : reader.format().name().toLowerCase(Locale.ROOT),
        reader == null ? new int[0] : reader.linkTypes(),
        packets,
        tcpSegments,
        firstNanos,
        lastNanos,
        status,
        error,
        errorOffset,
        stopOffset,
        successorOutOfSync);
  }

  @Override
  public void close() {
    if (reader != null && !closed) {
      closed = true;
      try {
        reader.close();
      } catch (IOException ignored) {
        // a read-only stream: nothing to lose
      }
    }
  }
}
