package dev.ftprecon.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ftprecon.tcp.AssemblyLimits;
import dev.ftprecon.tcp.AssemblyResult;
import dev.ftprecon.tcp.ByteRange;
import dev.ftprecon.tcp.StreamAssembler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * {@link StreamAssembler} fed segments derived from fuzz data, mostly near the write position but
 * also behind it, far ahead of it (holes up to ~128 MiB) and before the start offset, plus {@code
 * compare} calls, then finished; sometimes the sink fails. Contract: only the sink's IOException
 * escapes (and the assembler refuses further calls with IllegalStateException); the sink receives
 * exactly what a straightforward model of "write new bytes at their position, zero-fill holes,
 * never rewrite" produces; {@code length == dataBytes + missingBytes}; every overlapping byte is
 * counted exactly once as duplicate, conflict, late or unchecked, as the model classifies it with
 * the same check window; and the range lists stay within {@code maxRanges}.
 *
 * <p>Input layout: one byte choosing the limits, one the start offset, one the sink (bits 0-2 = 7:
 * fails after the next two bytes' count of bytes), one the end offset given to finish (0: unknown;
 * else the model's final length plus that byte as a signed number, unless that is before the
 * start), then events until the input ends. Event byte: bits 0-2 the kind (0-4 accept at a two-byte
 * position relative to the start offset, minus 512; 5 accept after a hole of a two-byte count times
 * 2 KiB; 6 compare at a two-byte position; 7 nothing), then, for all but 7, a length byte and the
 * payload.
 */
class StreamAssemblerFuzzTest {
  private static final int[] MAX_RANGES = {0, 1, 2, 3, 10_000};
  private static final int[] WINDOWS = {0, 1, 2, 3, 8, 64, 4096, 1 << 20};
  private static final long[] START_OFFSETS = {0, 1, 100, -5, 1L << 33, -(1L << 40)};

  /** The model keeps the content of this many leading output bytes. */
  private static final int MODEL_BYTES = 1 << 16;

  @FuzzTest(maxDuration = "4s")
  void segments(byte[] input) throws Exception {
    Watchdog.run(() -> check(input));
  }

  private void check(byte[] input) {
    FuzzBytes in = new FuzzBytes(input);
    int limitsChoice = in.u8();
    AssemblyLimits limits =
        new AssemblyLimits(
            MAX_RANGES[limitsChoice % MAX_RANGES.length],
            WINDOWS[(limitsChoice / MAX_RANGES.length) % WINDOWS.length]);
    long start = START_OFFSETS[in.u8() % START_OFFSETS.length];
    int sinkChoice = in.u8();
    long failAfter = (sinkChoice & 7) == 7 ? in.u16() : Long.MAX_VALUE;
    int endChoice = in.u8();
    RecordingSink sink = new RecordingSink(failAfter);
    StreamAssembler assembler = new StreamAssembler(sink, start, limits);
    Model model = new Model(start, limits);
    try {
      while (in.hasMore()) {
        int head = in.u8();
        int kind = head & 7;
        if (kind == 7) {
          continue;
        }
        long position = kind == 5 ? model.end + in.u16() * 2048L : (long) in.u16() - 512;
        long offset = start + position;
        byte[] payload = in.lengthPrefixed();
        if (kind == 6) {
          model.compare(position, payload);
          assembler.compare(offset, payload, 0, payload.length);
        } else {
          model.accept(position, payload);
          assembler.accept(offset, payload, 0, payload.length);
        }
      }
      long endOffset = StreamAssembler.UNKNOWN_END;
      if (endChoice != 0) {
        long candidate = model.end + (byte) endChoice;
        if (candidate >= 0) {
          endOffset = start + candidate;
        }
      }
      model.finish(endOffset == StreamAssembler.UNKNOWN_END ? -1 : endOffset - start);
      AssemblyResult result = assembler.finish(endOffset);
      model.check(result, sink);
    } catch (IOException e) {
      assertThat(e).as("only the sink's IOException escapes").isSameAs(sink.failure);
      assertThatThrownBy(() -> assembler.finish(StreamAssembler.UNKNOWN_END))
          .as("assembler unusable after a sink failure")
          .isInstanceOf(IllegalStateException.class);
    }
  }

  /** Counts what it receives and keeps the first MODEL_BYTES; can be told to fail. */
  private static final class RecordingSink extends OutputStream {
    final IOException failure = new IOException("sink failed (injected by the fuzz test)");
    final byte[] kept = new byte[MODEL_BYTES];
    private final long failAfter;
    long count;

    RecordingSink(long failAfter) {
      this.failAfter = failAfter;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (count + len > failAfter) {
        throw failure;
      }
      if (count < MODEL_BYTES) {
        System.arraycopy(b, off, kept, (int) count, (int) Math.min(len, MODEL_BYTES - count));
      }
      count += len;
    }
  }

  /**
   * What the assembler should do, byte by byte: positions at or past the end are new (a hole before
   * them is zero-filled), positions before it overlap and are classified against the last {@code
   * window} output bytes.
   */
  private static final class Model {
    private final long start;
    private final int window;
    private final int maxRanges;
    private final byte[] content = new byte[MODEL_BYTES];
    private final BitSet fill = new BitSet();
    private final List<ByteRange> gaps = new ArrayList<>();
    private boolean gapsCapped;
    long end;
    private long data;
    private long missing;
    private long beforeStart;
    private long segments;
    private long outOfOrder;
    private long highestOffset = Long.MIN_VALUE;
    private long overlapping;
    private long duplicate;
    private long conflict;
    private long late;
    private long unchecked;
    private long beyondEnd;

    /** Overlap counts are exact only while every position involved is below MODEL_BYTES. */
    private boolean exact = true;

    Model(long start, AssemblyLimits limits) {
      this.start = start;
      this.window = limits.overlapCheckWindowBytes();
      this.maxRanges = limits.maxRanges();
    }

    void accept(long position, byte[] payload) {
      segments++;
      if (payload.length == 0) {
        return;
      }
      long offset = start + position;
      if (offset < highestOffset) {
        outOfOrder++;
      } else {
        highestOffset = offset;
      }
      for (int i = 0; i < payload.length; i++) {
        long p = position + i;
        if (p < 0) {
          beforeStart++;
        } else if (p < end) {
          overlapping++;
          classify(p, payload[i]);
        } else {
          if (p > end) {
            gap(p - end);
          }
          put(p, payload[i]);
          data++;
          end = p + 1;
        }
      }
    }

    void compare(long position, byte[] payload) {
      for (int i = 0; i < payload.length; i++) {
        long p = position + i;
        if (p < 0) {
          continue;
        }
        overlapping++;
        if (p < end) {
          classify(p, payload[i]);
        } else {
          unchecked++;
        }
      }
    }

    void finish(long endPosition) {
      if (endPosition < 0) {
        return;
      }
      if (endPosition > end) {
        gap(endPosition - end);
        end = endPosition;
      } else {
        beyondEnd = end - endPosition;
      }
    }

    private void classify(long p, byte b) {
      if (p < end - window) {
        unchecked++;
      } else if (p >= MODEL_BYTES) {
        exact = false;
      } else if (fill.get((int) p)) {
        late++;
      } else if (content[(int) p] == b) {
        duplicate++;
      } else {
        conflict++;
      }
    }

    private void gap(long count) {
      int last = gaps.size() - 1;
      if (last >= 0 && gaps.get(last).end() == end) {
        gaps.set(last, new ByteRange(gaps.get(last).start(), end + count));
      } else if (gaps.size() < maxRanges) {
        gaps.add(new ByteRange(end, end + count));
      } else {
        gapsCapped = true;
      }
      if (end < MODEL_BYTES) {
        fill.set((int) end, (int) Math.min(MODEL_BYTES, end + count));
      }
      missing += count;
      end += count;
    }

    private void put(long p, byte b) {
      if (p < MODEL_BYTES) {
        content[(int) p] = b;
      }
    }

    void check(AssemblyResult r, RecordingSink sink) {
      assertThat(r.length()).isEqualTo(end).isEqualTo(sink.count);
      assertThat(r.length()).isEqualTo(r.dataBytes() + r.missingBytes());
      assertThat(r.dataBytes()).as("dataBytes").isEqualTo(data);
      assertThat(r.missingBytes()).as("missingBytes").isEqualTo(missing);
      assertThat(r.bytesBeforeStart()).as("bytesBeforeStart").isEqualTo(beforeStart);
      assertThat(r.segments()).as("segments").isEqualTo(segments);
      assertThat(r.outOfOrderCalls()).as("outOfOrderCalls").isEqualTo(outOfOrder);
      assertThat(r.bytesBeyondEnd()).as("bytesBeyondEnd").isEqualTo(beyondEnd);
      assertThat(r.duplicateBytes() + r.conflictBytes() + r.lateBytes() + r.uncheckedOverlapBytes())
          .as("every overlapping byte counted once")
          .isEqualTo(overlapping);
      if (exact) {
        assertThat(r.duplicateBytes()).as("duplicateBytes").isEqualTo(duplicate);
        assertThat(r.conflictBytes()).as("conflictBytes").isEqualTo(conflict);
        assertThat(r.lateBytes()).as("lateBytes").isEqualTo(late);
        assertThat(r.uncheckedOverlapBytes()).as("uncheckedOverlapBytes").isEqualTo(unchecked);
      }
      assertThat(r.gaps().size()).isLessThanOrEqualTo(maxRanges);
      assertThat(r.conflicts().size()).isLessThanOrEqualTo(maxRanges);
      assertThat(r.gaps()).as("gap ranges").isEqualTo(gaps);
      if (!gapsCapped && !r.rangesCapped()) {
        assertThat(r.gaps().stream().mapToLong(ByteRange::length).sum()).isEqualTo(missing);
      }
      for (ByteRange c : r.conflicts()) {
        assertThat(c.end()).isLessThanOrEqualTo(end);
      }
      int kept = (int) Math.min(end, MODEL_BYTES);
      byte[] expected = Arrays.copyOf(content, kept);
      for (int i = fill.nextSetBit(0); i >= 0 && i < kept; i = fill.nextSetBit(i + 1)) {
        expected[i] = 0;
      }
      if (!Arrays.equals(expected, 0, kept, sink.kept, 0, kept)) {
        fail("sink content differs from the model's in the first %d bytes", kept);
      }
    }
  }
}
