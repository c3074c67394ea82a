package dev.ftprecon.jobs.data;

import static dev.ftprecon.jobs.data.DataSegmentSchema.I_CAPTURE;
import static dev.ftprecon.jobs.data.DataSegmentSchema.I_CHECK;
import static dev.ftprecon.jobs.data.DataSegmentSchema.I_FLAGS;
import static dev.ftprecon.jobs.data.DataSegmentSchema.I_LEN;
import static dev.ftprecon.jobs.data.DataSegmentSchema.I_OFFSET;
import static dev.ftprecon.jobs.data.DataSegmentSchema.I_PAYLOAD;
import static dev.ftprecon.jobs.data.DataSegmentSchema.I_PAYLOAD_POS;
import static dev.ftprecon.jobs.data.DataSegmentSchema.I_RECORD;
import static dev.ftprecon.jobs.data.DataSegmentSchema.I_TRANSFER;
import static dev.ftprecon.jobs.data.DataSegmentSchema.I_TRUNCATED;
import static dev.ftprecon.jobs.data.DataSegmentSchema.I_TS;

import dev.ftprecon.jobs.input.PayloadReader;
import dev.ftprecon.jobs.input.SerializableConfiguration;
import dev.ftprecon.tcp.AssemblyLimits;
import dev.ftprecon.tcp.AssemblyResult;
import dev.ftprecon.tcp.StreamAssembler;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * Writes each transfer's file from its segments sorted by stream offset. Payload bytes are read
 * from the captures by position just before they are written, so a task holds one segment at a time
 * whatever the transfer's size.
 */
final class AssemblePartition implements FlatMapFunction<Iterator<Row>, TransferBytes> {
  private static final long serialVersionUID = 1L;
  private static final int FIN = 0x01;
  private static final int SYN = 0x02;
  private static final int RST = 0x04;
  private static final int OUTPUT_BUFFER_BYTES = 1 << 20;

  private final SerializableConfiguration conf;
  private final String outputDir;
  private final Broadcast<List<String>> capturePaths;
  private final Broadcast<Map<Integer, String>> fileNames;

  AssemblePartition(
      SerializableConfiguration conf,
      String outputDir,
      Broadcast<List<String>> capturePaths,
      Broadcast<Map<Integer, String>> fileNames) {
    this.conf = conf;
    this.outputDir = outputDir;
    this.capturePaths = capturePaths;
    this.fileNames = fileNames;
  }

  @Override
  public Iterator<TransferBytes> call(Iterator<Row> rows) {
    PayloadReader payloads = new PayloadReader(conf.value(), capturePaths.value());
    return new Iterator<>() {
      private Row lookahead = rows.hasNext() ? rows.next() : null;

      @Override
      public boolean hasNext() {
        if (lookahead == null) {
          payloads.close();
          return false;
        }
        return true;
      }

      @Override
      public TransferBytes next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        try {
          return assembleOne();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      private TransferBytes assembleOne() throws IOException {
        int transfer = lookahead.getInt(I_TRANSFER);
        String file = fileNames.value().get(transfer);
        Path path = new Path(outputDir, file);
        MessageDigest sha256 = digest("SHA-256");
        MessageDigest md5 = digest("MD5");
        Facts facts = new Facts();
        byte[] buf = new byte[2048];
        FileSystem fs = path.getFileSystem(conf.value());
        // The index carries sha256 and md5 of every file; Hadoop's .crc side files would only
        // clutter OUT/files/ for an investigator.
        fs.setWriteChecksum(false);
        PrefixKeepingOutputStream head =
            new PrefixKeepingOutputStream(
                new DigestOutputStream(new DigestOutputStream(fs.create(path, true), sha256), md5),
                MimeDetector.PREFIX_BYTES);
        try (OutputStream sink = new BufferedOutputStream(head, OUTPUT_BUFFER_BYTES)) {
          StreamAssembler assembler = null;
          while (lookahead != null && lookahead.getInt(I_TRANSFER) == transfer) {
            Row row = lookahead;
            lookahead = rows.hasNext() ? rows.next() : null;
            int flags = row.getInt(I_FLAGS);
            long offset = row.getLong(I_OFFSET);
            int len = row.getInt(I_LEN);
            if (assembler == null) {
              long start = (flags & SYN) != 0 ? offset + 1 : offset;
              assembler = new StreamAssembler(sink, start, AssemblyLimits.DEFAULTS);
            }
            facts.see(row, flags, offset, len);
            if (len > 0) {
              if (buf.length < len) {
                buf = new byte[Math.max(len, buf.length * 2)];
              }
              byte[] inline = row.isNullAt(I_PAYLOAD) ? null : (byte[]) row.get(I_PAYLOAD);
              if (inline != null) {
                System.arraycopy(inline, 0, buf, 0, len);
              } else {
                payloads.read(row.getInt(I_CAPTURE), row.getLong(I_PAYLOAD_POS), buf, len);
              }
              if (row.getBoolean(I_CHECK)) {
                assembler.compare(offset, buf, 0, len);
              } else {
                assembler.accept(offset, buf, 0, len);
              }
            }
          }
          AssemblyResult result = assembler.finish(facts.finEnd);
          sink.flush();
          String mime = MimeDetector.detect(head.prefix(), head.kept(), file);
          return facts.toBytes(transfer, file, result, hex(sha256), hex(md5), mime);
        }
      }
    };
  }

  /** What a transfer's segments say besides their bytes. */
  private static final class Facts {
    long finEnd = -1;
    boolean rst;
    boolean truncated;
    long segments;
    long firstNanos = Long.MAX_VALUE;
    long lastNanos = Long.MIN_VALUE;
    long[] firstRecord = {-1, -1};
    long[] lastRecord = {-1, -1};
    final TreeSet<Integer> captures = new TreeSet<>();

    void see(Row row, int flags, long offset, int len) {
      segments++;
      long ts = row.getLong(I_TS);
      long[] record = {row.getInt(I_CAPTURE), row.getLong(I_RECORD)};
      if (ts < firstNanos || (ts == firstNanos && earlier(record, firstRecord))) {
        firstNanos = ts;
        firstRecord = record;
      }
      if (ts > lastNanos || (ts == lastNanos && earlier(lastRecord, record))) {
        lastNanos = ts;
        lastRecord = record;
      }
      captures.add(row.getInt(I_CAPTURE));
      if ((flags & FIN) != 0) {
        finEnd = Math.max(finEnd, offset + len);
      }
      rst |= (flags & RST) != 0;
      truncated |= row.getBoolean(I_TRUNCATED);
    }

    private static boolean earlier(long[] a, long[] b) {
      return a[0] < b[0] || (a[0] == b[0] && a[1] < b[1]);
    }

    TransferBytes toBytes(
        int transfer, String file, AssemblyResult r, String sha256, String md5, String mime) {
      return new TransferBytes(
          transfer,
          file,
          r.length(),
          r.dataBytes(),
          r.missingBytes(),
          TransferBytes.ranges(r.gaps()),
          TransferBytes.ranges(r.conflicts()),
          r.duplicateBytes(),
          r.conflictBytes(),
          segments,
          firstNanos,
          lastNanos,
          firstRecord,
          lastRecord,
          new ArrayList<>(captures),
          finEnd >= 0,
          rst,
          truncated,
          sha256,
          md5,
          mime);
    }
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK without " + algorithm, e);
    }
  }

  private static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }
}
