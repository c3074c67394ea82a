package dev.ftprecon.jobs.data;

import static dev.ftprecon.jobs.data.DataSegmentSchema.I_CAPTURE;
import static dev.ftprecon.jobs.data.DataSegmentSchema.I_OFFSET;
import static dev.ftprecon.jobs.data.DataSegmentSchema.I_PACKED;
import static dev.ftprecon.jobs.data.DataSegmentSchema.I_PAYLOAD;
import static dev.ftprecon.jobs.data.DataSegmentSchema.I_PAYLOAD_POS;
import static dev.ftprecon.jobs.data.DataSegmentSchema.I_RECORD;
import static dev.ftprecon.jobs.data.DataSegmentSchema.I_SEGMENTS;
import static dev.ftprecon.jobs.data.DataSegmentSchema.I_TRANSFER;
import static dev.ftprecon.jobs.data.DataSegmentSchema.I_TS;

import dev.ftprecon.digest.ParallelDigestOutputStream;
import dev.ftprecon.jobs.input.PayloadReader;
import dev.ftprecon.jobs.input.SharedConfiguration;
import dev.ftprecon.tcp.AssemblyLimits;
import dev.ftprecon.tcp.AssemblyResult;
import dev.ftprecon.tcp.FirstCopySweep;
import dev.ftprecon.tcp.PointerRun;
import dev.ftprecon.tcp.StreamAssembler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeSet;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Writes each transfer's file from its segments in stream-offset order: the rows are runs of
 * segment pointers ({@link PointerRun}) sorted by their first segments, merged into one sequence
 * here. Payload bytes are read from the captures by position just before they are written, so a
 * task holds the runs overlapping one offset and one segment's bytes at a time, whatever the
 * transfer's size.
 *
 * <p>The hot loop of the job: one task writes a whole multi-GiB transfer. Rows come as Spark's
 * internal rows (no conversion to external rows), payloads are handed on from the reader's window
 * without a copy, and SHA-256 and MD5 (unless {@link OutputFiles#MD5} is off) are computed on
 * threads of their own ({@link ParallelDigestOutputStream}), which also writes the file in 1 MiB
 * blocks.
 */
final class AssemblePartition implements FlatMapFunction<Iterator<InternalRow>, TransferBytes> {
  private static final long serialVersionUID = 1L;
  private static final int FIN = 0x01;
  private static final int SYN = 0x02;
  private static final int RST = 0x04;

  private final SharedConfiguration conf;
  private final String outputDir;
  private final Broadcast<List<String>> capturePaths;
  private final Broadcast<Map<Integer, String>> fileNames;
  private final Broadcast<Map<Integer, Long>> expectedBytes;
  private final long directIoMinBytes;
  private final boolean md5;

  AssemblePartition(
      SharedConfiguration conf,
      String outputDir,
      Broadcast<List<String>> capturePaths,
      Broadcast<Map<Integer, String>> fileNames,
      Broadcast<Map<Integer, Long>> expectedBytes,
      long directIoMinBytes,
      boolean md5) {
    this.conf = conf;
    this.outputDir = outputDir;
    this.capturePaths = capturePaths;
    this.fileNames = fileNames;
    this.expectedBytes = expectedBytes;
    this.directIoMinBytes = directIoMinBytes;
    this.md5 = md5;
  }

  @Override
  public Iterator<TransferBytes> call(Iterator<InternalRow> rows) {
    PayloadReader payloads = new PayloadReader(conf.value(), capturePaths.value());
    return new Iterator<>() {
      // Rows from the plan may be one reused object: a row's fields are read before the next.
      private InternalRow lookahead = rows.hasNext() ? rows.next() : null;

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
        Facts facts = new Facts();
        ParallelDigestOutputStream digested =
            ParallelDigestOutputStream.of(
                OutputFiles.create(
                    path,
                    conf.value(),
                    expectedBytes.value().getOrDefault(transfer, 0L),
                    directIoMinBytes),
                md5 ? new String[] {"SHA-256", "MD5"} : new String[] {"SHA-256"});
        boolean closed = false;
        try {
          PrefixKeepingOutputStream head =
              new PrefixKeepingOutputStream(digested, MimeDetector.PREFIX_BYTES);
          StreamAssembler assembler = null;
          FirstCopySweep<Payload> sweep = null;
          PointerRun.Merge runs = new PointerRun.Merge();
          while (true) {
            if (lookahead != null
                && lookahead.getInt(I_TRANSFER) == transfer
                && !runs.headNotAfter(
                    lookahead.getLong(I_OFFSET),
                    lookahead.getLong(I_TS),
                    lookahead.getInt(I_CAPTURE),
                    lookahead.getLong(I_RECORD))) {
              runs.add(run(lookahead));
              lookahead = rows.hasNext() ? rows.next() : null;
              continue;
            }
            if (runs.isEmpty()) {
              break;
            }
            PointerRun.Cursor run = runs.take();
            PointerRun.Segment segment = run.segment();
            int capture = run.capture();
            if (assembler == null) {
              long start = (segment.flags & SYN) != 0 ? segment.offset + 1 : segment.offset;
              assembler = new StreamAssembler(head, start, AssemblyLimits.DEFAULTS);
              sweep =
                  new FirstCopySweep<>(new Feed(assembler), AssemblyLimits.DEFAULTS.maxRanges());
            }
            facts.see(segment, capture);
            if (segment.len > 0) {
              sweep.add(
                  segment.offset,
                  segment.len,
                  segment.ts,
                  capture,
                  segment.record,
                  new Payload(capture, segment.payloadPos, run.inline()));
            }
          }
          sweep.finish();
          AssemblyResult result = assembler.finish(facts.finEnd);
          digested.close();
          closed = true;
          String mime = MimeDetector.detect(head.prefix(), head.kept(), file);
          return facts.toBytes(
              transfer,
              file,
              result,
              hex(digested.digest(0)),
              md5 ? hex(digested.digest(1)) : null,
              mime);
        } finally {
          if (!closed) {
            digested.abort();
          }
        }
      }

      /** Hands the parts the sweep decided on to the assembler, their bytes read just then. */
      final class Feed implements FirstCopySweep.Sink<Payload> {
        private final StreamAssembler assembler;

        Feed(StreamAssembler assembler) {
          this.assembler = assembler;
        }

        /** Writes the part: kept for comparison only when another copy overlaps it. */
        @Override
        public void first(Payload p, long at, long from, int len, boolean overlapped)
            throws IOException {
          PayloadReader.Slice part = bytes(p, at, from, len);
          if (overlapped) {
            assembler.accept(from, part.bytes(), part.offset(), len);
          } else {
            assembler.acceptUncompared(from, part.bytes(), part.offset(), len);
          }
        }

        /** Compares the part with what was written. */
        @Override
        public void later(Payload p, long at, long from, int len) throws IOException {
          PayloadReader.Slice part = bytes(p, at, from, len);
          assembler.compare(from, part.bytes(), part.offset(), len);
        }

        /** The bytes of the part {@code [from, from + len)} of the copy at {@code at}. */
        private PayloadReader.Slice bytes(Payload p, long at, long from, int len)
            throws IOException {
          return p.inline == null
              ? payloads.slice(p.capture, p.position + (from - at), len)
              : new PayloadReader.Slice(p.inline, (int) (from - at));
        }
      }
    };
  }

  /** Where a segment's payload is: in a capture at a position, or carried inline. */
  private record Payload(int capture, long position, byte[] inline) {}

  /** A row's run of pointers, read out of a row object the plan may reuse. */
  private static PointerRun.Cursor run(InternalRow row) {
    // getBinary copies out of an UnsafeRow.
    return new PointerRun.Cursor(
        row.getBinary(I_PACKED),
        row.getInt(I_SEGMENTS),
        row.getInt(I_CAPTURE),
        row.getLong(I_OFFSET),
        row.getLong(I_TS),
        row.getLong(I_PAYLOAD_POS),
        row.isNullAt(I_PAYLOAD) ? null : row.getBinary(I_PAYLOAD));
  }

  /** What a transfer's segments say besides their bytes. */
  private static final class Facts {
    long finEnd = -1;
    boolean rst;
    boolean truncated;
    long segments;
    long firstNanos = Long.MAX_VALUE;
    long lastNanos = Long.MIN_VALUE;
    final long[] first = {-1, -1};
    final long[] last = {-1, -1};
    final TreeSet<Integer> captures = new TreeSet<>();
    int lastCapture = -1;

    void see(PointerRun.Segment s, int capture) {
      segments++;
      long ts = s.ts;
      if (ts < firstNanos || (ts == firstNanos && before(capture, s.record, first))) {
        firstNanos = ts;
        first[0] = capture;
        first[1] = s.record;
      }
      if (ts > lastNanos || (ts == lastNanos && before(last[0], last[1], capture, s.record))) {
        lastNanos = ts;
        last[0] = capture;
        last[1] = s.record;
      }
      if (capture != lastCapture) {
        captures.add(capture);
        lastCapture = capture;
      }
      if ((s.flags & FIN) != 0) {
        finEnd = Math.max(finEnd, s.offset + s.len);
      }
      rst |= (s.flags & RST) != 0;
      truncated |= s.truncated;
    }

    private static boolean before(long capture, long record, long[] than) {
      return before(capture, record, than[0], than[1]);
    }

    /** Whether record (capture a, offset ra) lies before (b, rb) in capture order. */
    private static boolean before(long a, long ra, long b, long rb) {
      return a < b || (a == b && ra < rb);
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
          first.clone(),
          last.clone(),
          new ArrayList<>(captures),
          finEnd >= 0,
          rst,
          truncated,
          sha256,
          md5,
          mime);
    }
  }

  private static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }
}
