package dev.ftprecon.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ftprecon.capture.CaptureDamage;
import dev.ftprecon.capture.CaptureFormat;
import dev.ftprecon.capture.CaptureReader;
import dev.ftprecon.capture.CaptureReaders;
import dev.ftprecon.capture.CaptureRecord;
import dev.ftprecon.capture.NotACaptureException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The contract of the capture readers, checked on one file: {@link CaptureReaders#open} and {@link
 * CaptureReader#next} never throw on bad bytes (only the stream's own IOException escapes), reading
 * terminates, record offsets strictly increase, every record's bytes are the file's bytes at its
 * data offset, captured lengths and the read buffer stay within the documented caps, and the result
 * does not depend on how the stream hands out its bytes.
 */
final class CaptureChecks {
  /** PcapReader.MAX_RECORD_BYTES: tcpdump's MAXIMUM_SNAPLEN; a larger record is damage. */
  static final int PCAP_MAX_RECORD_BYTES = 262_144;

  /** BlockFraming.MAX_BLOCK_BYTES: a larger pcapng block is damage; bounds the read buffer. */
  static final int PCAPNG_MAX_BLOCK_BYTES = 16 * 1024 * 1024;

  /**
   * What reading may allocate in total, whatever the input: the read buffer grows by doubling up to
   * the 16 MiB window (at most twice the cap over its lifetime), plus small per-block objects
   * (interface descriptions, damage messages) that are bounded by the input length.
   */
  static long allocationBound(int fileLength) {
    return 2L * PCAPNG_MAX_BLOCK_BYTES + (1 << 20) + 512L * fileLength;
  }

  /** pcap record header, pcapng block header: no record is shorter than this many file bytes. */
  private static final int MIN_BYTES_PER_RECORD = 12;

  private CaptureChecks() {}

  /** Everything a reader reported for one file, for comparing two readings. */
  record Reading(
      Optional<CaptureFormat> format,
      List<String> records,
      Optional<CaptureDamage> damage,
      long count,
      long anomalies,
      List<Integer> linkTypes,
      String notACapture) {}

  /**
   * Checks the whole contract on {@code file}; {@code chunking} picks how a second, trickling
   * stream splits the file and where a third, failing stream throws.
   */
  static void check(byte[] file, int chunking) throws IOException {
    checkAllocation(file);
    Reading whole = read(file, new ByteArrayInputStream(file));
    int step = 1 + chunking % 7;
    Reading trickled = read(file, new TrickleInputStream(file, step));
    assertThat(trickled).as("same reading whatever the stream's read sizes").isEqualTo(whole);
    checkFailingStream(file, chunking, whole);
  }

  /**
   * Reads the file twice and measures the second reading: the first one loads and links classes
   * (and, while fuzzing, instruments them), which the thread's allocation counter also counts.
   */
  private static void checkAllocation(byte[] file) throws IOException {
    readRecordsOnly(file);
    long before = Allocations.current();
    readRecordsOnly(file);
    long allocated = Allocations.since(before);
    if (allocated >= 0) {
      assertThat(allocated)
          .as("bytes allocated reading a %d-byte file", file.length)
          .isLessThanOrEqualTo(allocationBound(file.length));
    }
  }

  private static void readRecordsOnly(byte[] file) throws IOException {
    try (CaptureReader reader = CaptureReaders.open(new ByteArrayInputStream(file))) {
      long guard = 0;
      while (reader.next()) {
        if (++guard > file.length / MIN_BYTES_PER_RECORD + 1) {
          fail(
              "reader delivered %d records from %d bytes: it does not terminate",
              guard, file.length);
        }
      }
    } catch (NotACaptureException expected) {
      // Checked in read().
    }
  }

  static Reading read(byte[] file, InputStream in) throws IOException {
    CaptureReader reader;
    try {
      reader = CaptureReaders.open(in);
    } catch (NotACaptureException e) {
      assertThat(CaptureFormat.detect(file, file.length))
          .as("NotACaptureException only for bytes that are neither pcap nor pcapng")
          .isEmpty();
      assertThat(e.getMessage()).isNotBlank();
      return new Reading(Optional.empty(), List.of(), Optional.empty(), 0, 0, List.of(), "yes");
    }
    try (reader) {
      assertThat(CaptureFormat.detect(file, file.length)).contains(reader.format());
      List<String> records = new ArrayList<>();
      long previousOffset = -1;
      long oversized = 0;
      while (reader.next()) {
        CaptureRecord r = reader.record();
        checkRecord(file, reader, r, previousOffset);
        previousOffset = r.recordOffset();
        if (r.capturedLength() > r.originalLength()) {
          oversized++;
        }
        records.add(describe(file, r));
        if (records.size() > file.length / MIN_BYTES_PER_RECORD + 1) {
          fail("reader delivered %d records from %d bytes", records.size(), file.length);
        }
      }
      Optional<CaptureDamage> damage = reader.damage();
      assertThat(reader.next()).as("next() stays false once it returned false").isFalse();
      assertThat(reader.damage()).isEqualTo(damage);
      assertThat(reader.records()).isEqualTo(records.size());
      assertThat(reader.anomalies()).isEqualTo(oversized);
      if (damage.isPresent()) {
        assertThat(damage.get().offset()).isBetween(0L, (long) file.length);
        assertThat(damage.get().offset())
            .as("every record before the damage offset was delivered, none after")
            .isGreaterThan(previousOffset);
      }
      int[] linkTypes = reader.linkTypes();
      for (int i = 1; i < linkTypes.length; i++) {
        assertThat(linkTypes[i])
            .as("link types sorted and distinct")
            .isGreaterThan(linkTypes[i - 1]);
      }
      return new Reading(
          Optional.of(reader.format()),
          records,
          damage,
          reader.records(),
          reader.anomalies(),
          Arrays.stream(linkTypes).boxed().toList(),
          "no");
    }
  }

  private static void checkRecord(
      byte[] file, CaptureReader reader, CaptureRecord r, long previousOffset) {
    assertThat(r.recordOffset())
        .as("record offsets strictly increase")
        .isGreaterThan(previousOffset);
    int cap =
        reader.format() == CaptureFormat.PCAP
            ? PCAP_MAX_RECORD_BYTES
            : PCAPNG_MAX_BLOCK_BYTES - 16; // a simple packet block's header and trailing length
    assertThat(r.capturedLength()).as("captured length").isBetween(0, cap);
    assertThat(r.originalLength()).as("original length").isBetween(0L, 0xFFFF_FFFFL);
    if (reader.format() == CaptureFormat.PCAP) {
      assertThat(r.recordOffset()).isGreaterThanOrEqualTo(24);
      assertThat(r.dataOffset()).isEqualTo(r.recordOffset() + 16);
      assertThat(r.interfaceId()).isZero();
      assertThat(r.timestampNanos()).isNotNegative();
    } else {
      assertThat(r.dataOffset() - r.recordOffset()).isIn(12L, 28L);
      assertThat(r.interfaceId()).isNotNegative();
    }
    assertThat(r.dataOffset() + r.capturedLength())
        .as("record bytes lie inside the file")
        .isLessThanOrEqualTo(file.length);
    byte[] buffer = r.buffer();
    assertThat(buffer.length).as("read buffer").isLessThanOrEqualTo(PCAPNG_MAX_BLOCK_BYTES);
    assertThat(r.bufferOffset()).isBetween(0, buffer.length - r.capturedLength());
    int from = (int) r.dataOffset();
    if (!Arrays.equals(
        buffer,
        r.bufferOffset(),
        r.bufferOffset() + r.capturedLength(),
        file,
        from,
        from + r.capturedLength())) {
      fail("record %s: buffer bytes differ from the file bytes at its data offset", r);
    }
    assertThat(reader.linkTypes()).as("record link type is declared").contains(r.linkType());
  }

  private static String describe(byte[] file, CaptureRecord r) {
    return r
        + " data="
        + Arrays.hashCode(
            Arrays.copyOfRange(
                file, (int) r.dataOffset(), (int) r.dataOffset() + r.capturedLength()));
  }

  /**
   * A stream that fails after {@code failAt} bytes: the reader must let that IOException through
   * (and nothing else), after delivering a prefix of the records a whole reading delivers.
   */
  private static void checkFailingStream(byte[] file, int chunking, Reading whole) {
    if (file.length == 0) {
      return;
    }
    int failAt = (chunking * 31) % (file.length + 1);
    FailingInputStream in = new FailingInputStream(file, failAt);
    List<String> delivered = new ArrayList<>();
    try {
      CaptureReader reader = CaptureReaders.open(in);
      try (reader) {
        while (reader.next()) {
          delivered.add(describe(file, reader.record()));
        }
      }
    } catch (IOException e) {
      if (e != in.failure) {
        fail("reader replaced the stream's IOException", e);
      }
    } catch (NotACaptureException e) {
      // open() reads DETECT_BYTES before judging the magic; a failure among them is an IOException.
      assertThat(failAt).isGreaterThanOrEqualTo(CaptureFormat.DETECT_BYTES);
    }
    assertThat(delivered.size()).isLessThanOrEqualTo(whole.records().size());
    assertThat(delivered)
        .as("records delivered before the stream failed")
        .isEqualTo(whole.records().subList(0, delivered.size()));
  }

  /** Hands out at most {@code step} bytes per read call. */
  private static final class TrickleInputStream extends InputStream {
    private final byte[] data;
    private final int step;
    private int pos;

    TrickleInputStream(byte[] data, int step) {
      this.data = data;
      this.step = step;
    }

    @Override
    public int read() {
      return pos < data.length ? data[pos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (pos >= data.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, step), data.length - pos);
      System.arraycopy(data, pos, b, off, n);
      pos += n;
      return n;
    }
  }

  /** Hands out {@code failAt} bytes, then throws on every read. */
  private static final class FailingInputStream extends InputStream {
    final IOException failure = new IOException("stream failed (injected by the fuzz test)");
    private final byte[] data;
    private final int failAt;
    private int pos;

    FailingInputStream(byte[] data, int failAt) {
      this.data = data;
      this.failAt = failAt;
    }

    @Override
    public int read() throws IOException {
      if (pos >= failAt) {
        throw failure;
      }
      return data[pos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (pos >= failAt) {
        throw failure;
      }
      int n = Math.min(len, failAt - pos);
      System.arraycopy(data, pos, b, off, n);
      pos += n;
      return n;
    }
  }
}
