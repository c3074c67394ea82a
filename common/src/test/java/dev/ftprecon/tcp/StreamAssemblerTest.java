package dev.ftprecon.tcp;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StreamAssemblerTest {

  /** The stream being reassembled; byte i is at stream offset i. */
  private static final byte[] ORIGINAL =
      "The quick brown fox jumps over the lazy dog".getBytes(US_ASCII);

  private final ByteArrayOutputStream sink = new ByteArrayOutputStream();

  private StreamAssembler assembler() {
    return new StreamAssembler(sink, 0, AssemblyLimits.DEFAULTS);
  }

  /** Feeds ORIGINAL[from, to) at stream offset {@code from}. */
  private static void feed(StreamAssembler assembler, int from, int to) throws IOException {
    assembler.accept(from, ORIGINAL, from, to - from);
  }

  private static void feed(StreamAssembler assembler, long offset, String text) throws IOException {
    byte[] bytes = text.getBytes(US_ASCII);
    assembler.accept(offset, bytes, 0, bytes.length);
  }

  private static byte[] original(int from, int to) {
    return Arrays.copyOfRange(ORIGINAL, from, to);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  @Test
  void inOrderSegmentsAreWrittenAsTheOriginalStream() throws IOException {
    StreamAssembler assembler = assembler();
    feed(assembler, 0, 10);
    feed(assembler, 10, 25);
    feed(assembler, 25, ORIGINAL.length);

    AssemblyResult result = assembler.finish(ORIGINAL.length);

    assertThat(sink.toByteArray()).isEqualTo(ORIGINAL);
    assertThat(result.length()).isEqualTo(43);
    assertThat(result.dataBytes()).isEqualTo(43);
    assertThat(result.missingBytes()).isZero();
    assertThat(result.gaps()).isEmpty();
    assertThat(result.duplicateBytes()).isZero();
    assertThat(result.conflictBytes()).isZero();
    assertThat(result.segments()).isEqualTo(3);
    assertThat(result.outOfOrderCalls()).isZero();
    assertThat(result.bytesBeyondEnd()).isZero();
  }

  @Test
  void anExactDuplicateIsCountedAndNotWrittenAgain() throws IOException {
    StreamAssembler assembler = assembler();
    feed(assembler, 0, 10);
    feed(assembler, 0, 10);
    feed(assembler, 10, 20);

    AssemblyResult result = assembler.finish(StreamAssembler.UNKNOWN_END);

    assertThat(sink.toByteArray()).isEqualTo(original(0, 20));
    assertThat(result.duplicateBytes()).isEqualTo(10);
    assertThat(result.dataBytes()).isEqualTo(20);
    assertThat(result.segments()).isEqualTo(3);
    assertThat(result.outOfOrderCalls()).isZero();
  }

  @Test
  void aPartlyOverlappingSegmentWithIdenticalBytesOnlyAddsItsNewPart() throws IOException {
    StreamAssembler assembler = assembler();
    feed(assembler, 0, 10);
    feed(assembler, 5, 15);

    AssemblyResult result = assembler.finish(StreamAssembler.UNKNOWN_END);

    assertThat(sink.toByteArray()).isEqualTo(original(0, 15));
    assertThat(result.duplicateBytes()).isEqualTo(5);
    assertThat(result.dataBytes()).isEqualTo(15);
    assertThat(result.conflicts()).isEmpty();
  }

  @Test
  void conflictingOverlapKeepsTheFirstBytesAndRecordsTheDifferingRuns() throws IOException {
    StreamAssembler assembler = assembler();
    feed(assembler, 0, "0123456789");
    // Overlaps positions 4..9: "45" same, "67" differ, "8" same, "9" differs; "ABCD" is new.
    feed(assembler, 4, "45xy8zABCD");

    AssemblyResult result = assembler.finish(StreamAssembler.UNKNOWN_END);

    assertThat(sink.toString(US_ASCII)).isEqualTo("0123456789ABCD");
    assertThat(result.duplicateBytes()).isEqualTo(3);
    assertThat(result.conflictBytes()).isEqualTo(3);
    assertThat(result.conflicts()).containsExactly(new ByteRange(6, 8), new ByteRange(9, 10));
    assertThat(result.dataBytes()).isEqualTo(14);
  }

  @Test
  void conflictRunsOfConsecutiveSegmentsMergeIntoOneRange() throws IOException {
    StreamAssembler assembler = assembler();
    feed(assembler, 0, "0123456789");
    feed(assembler, 2, "ab");
    feed(assembler, 4, "cd");

    AssemblyResult result = assembler.finish(StreamAssembler.UNKNOWN_END);

    assertThat(result.conflicts()).containsExactly(new ByteRange(2, 6));
    assertThat(result.conflictBytes()).isEqualTo(4);
    assertThat(sink.toString(US_ASCII)).isEqualTo("0123456789");
  }

  @Test
  void aPositionConflictingInTwoRetransmissionsIsCountedTwice() throws IOException {
    StreamAssembler assembler = assembler();
    feed(assembler, 0, "0123456789");
    feed(assembler, 3, "x");
    feed(assembler, 3, "y");

    AssemblyResult result = assembler.finish(StreamAssembler.UNKNOWN_END);

    assertThat(result.conflictBytes()).isEqualTo(2);
    assertThat(result.conflicts()).containsExactly(new ByteRange(3, 4), new ByteRange(3, 4));
    assertThat(sink.toString(US_ASCII)).isEqualTo("0123456789");
  }

  @Test
  void aHoleIsZeroFilledAndRecordedAsAGap() throws IOException {
    StreamAssembler assembler = assembler();
    feed(assembler, 0, 10);
    feed(assembler, 25, 30);

    AssemblyResult result = assembler.finish(StreamAssembler.UNKNOWN_END);

    assertThat(sink.toByteArray())
        .isEqualTo(concat(original(0, 10), new byte[15], original(25, 30)));
    assertThat(result.gaps()).containsExactly(new ByteRange(10, 25));
    assertThat(result.missingBytes()).isEqualTo(15);
    assertThat(result.dataBytes()).isEqualTo(15);
    assertThat(result.length()).isEqualTo(30);
  }

  @Test
  void aKnownEndBeyondTheDataIsATrailingGap() throws IOException {
    StreamAssembler assembler = assembler();
    feed(assembler, 0, 30);

    AssemblyResult result = assembler.finish(40);

    assertThat(sink.toByteArray()).isEqualTo(concat(original(0, 30), new byte[10]));
    assertThat(result.gaps()).containsExactly(new ByteRange(30, 40));
    assertThat(result.missingBytes()).isEqualTo(10);
    assertThat(result.length()).isEqualTo(40);
  }

  @Test
  void dataBeyondAKnownEndIsKeptAndCounted() throws IOException {
    StreamAssembler assembler = assembler();
    feed(assembler, 0, 30);

    AssemblyResult result = assembler.finish(20);

    assertThat(sink.toByteArray()).isEqualTo(original(0, 30));
    assertThat(result.bytesBeyondEnd()).isEqualTo(10);
  }

  @Test
  void aStreamWithNoDataAndAKnownEndIsOneGap() throws IOException {
    StreamAssembler assembler = assembler();

    AssemblyResult result = assembler.finish(5);

    assertThat(sink.toByteArray()).isEqualTo(new byte[5]);
    assertThat(result.gaps()).containsExactly(new ByteRange(0, 5));
    assertThat(result.dataBytes()).isZero();
  }

  @Test
  void bytesBeforeTheStartOffsetAreCountedAndSkipped() throws IOException {
    StreamAssembler assembler = new StreamAssembler(sink, 100, AssemblyLimits.DEFAULTS);
    feed(assembler, 90, "abcde"); // 90..94, entirely before the start
    feed(assembler, 95, "fghijKLMNO"); // 95..99 before, 100..104 written

    AssemblyResult result = assembler.finish(105);

    assertThat(sink.toString(US_ASCII)).isEqualTo("KLMNO");
    assertThat(result.bytesBeforeStart()).isEqualTo(10);
    assertThat(result.dataBytes()).isEqualTo(5);
    assertThat(result.gaps()).isEmpty();
  }

  @Test
  void positionsAreRelativeToTheStartOffset() throws IOException {
    StreamAssembler assembler = new StreamAssembler(sink, -3, AssemblyLimits.DEFAULTS);
    feed(assembler, -3, "ab");
    feed(assembler, 1, "cd"); // position 4: hole at positions [2, 4)

    AssemblyResult result = assembler.finish(2); // position 5, one byte before the data ends

    assertThat(sink.toByteArray()).isEqualTo(new byte[] {'a', 'b', 0, 0, 'c', 'd'});
    assertThat(result.gaps()).containsExactly(new ByteRange(2, 4));
    assertThat(result.bytesBeyondEnd()).isEqualTo(1);
  }

  @Test
  void zeroLengthSegmentsAreCountedButChangeNothing() throws IOException {
    StreamAssembler assembler = assembler();
    assembler.accept(0, ORIGINAL, 0, 0);
    feed(assembler, 0, 10);
    assembler.accept(1_000_000, ORIGINAL, 0, 0); // far ahead: no hole
    assembler.accept(3, new byte[0], 0, 0); // behind: not out of order
    feed(assembler, 10, 20);

    AssemblyResult result = assembler.finish(StreamAssembler.UNKNOWN_END);

    assertThat(sink.toByteArray()).isEqualTo(original(0, 20));
    assertThat(result.segments()).isEqualTo(5);
    assertThat(result.outOfOrderCalls()).isZero();
    assertThat(result.gaps()).isEmpty();
  }

  @Test
  void aMisorderedSegmentOverlappingWrittenDataIsComparedAndItsTailAppended() throws IOException {
    StreamAssembler assembler = assembler();
    feed(assembler, 0, 10);
    feed(assembler, 10, 20);
    feed(assembler, 5, 25); // offset 5 after offset 10: out of order

    AssemblyResult result = assembler.finish(StreamAssembler.UNKNOWN_END);

    assertThat(sink.toByteArray()).isEqualTo(original(0, 25));
    assertThat(result.outOfOrderCalls()).isEqualTo(1);
    assertThat(result.duplicateBytes()).isEqualTo(15);
    assertThat(result.lateBytes()).isZero();
  }

  @Test
  void aMisorderedSegmentFallingIntoAFilledHoleIsCountedLateAndLeavesTheGap() throws IOException {
    StreamAssembler assembler = assembler();
    feed(assembler, 0, 10);
    feed(assembler, 20, 30);
    feed(assembler, 10, 20); // too late: [10, 20) was already zero-filled

    AssemblyResult result = assembler.finish(StreamAssembler.UNKNOWN_END);

    assertThat(sink.toByteArray())
        .isEqualTo(concat(original(0, 10), new byte[10], original(20, 30)));
    assertThat(result.outOfOrderCalls()).isEqualTo(1);
    assertThat(result.lateBytes()).isEqualTo(10);
    assertThat(result.gaps()).containsExactly(new ByteRange(10, 20));
    assertThat(result.duplicateBytes()).isZero();
    assertThat(result.conflictBytes()).isZero();
  }

  @Test
  void everyCallBelowAnEarlierOffsetCountsAsOutOfOrder() throws IOException {
    StreamAssembler assembler = assembler();
    feed(assembler, 0, 10);
    feed(assembler, 30, 40);
    feed(assembler, 20, 25);
    feed(assembler, 25, 30); // still below 30

    AssemblyResult result = assembler.finish(StreamAssembler.UNKNOWN_END);

    assertThat(result.outOfOrderCalls()).isEqualTo(2);
    assertThat(result.lateBytes()).isEqualTo(10);
    assertThat(result.gaps()).containsExactly(new ByteRange(10, 30));
    assertThat(sink.size()).isEqualTo(40);
  }

  @Test
  void overlapOlderThanTheCheckWindowIsCountedAsUnchecked() throws IOException {
    StreamAssembler assembler = new StreamAssembler(sink, 0, new AssemblyLimits(100, 16));
    feed(assembler, 0, 40); // window keeps positions [24, 40)
    feed(assembler, 20, "XXXXXXX"); // 20..23 unchecked, 24..26 compared: all differ

    AssemblyResult result = assembler.finish(StreamAssembler.UNKNOWN_END);

    assertThat(sink.toByteArray()).isEqualTo(original(0, 40));
    assertThat(result.uncheckedOverlapBytes()).isEqualTo(4);
    assertThat(result.conflictBytes()).isEqualTo(3);
    assertThat(result.conflicts()).containsExactly(new ByteRange(24, 27));
  }

  @Test
  void aZeroCheckWindowLeavesAllOverlapUnchecked() throws IOException {
    StreamAssembler assembler = new StreamAssembler(sink, 0, new AssemblyLimits(100, 0));
    feed(assembler, 0, 10);
    feed(assembler, 0, 12);

    AssemblyResult result = assembler.finish(StreamAssembler.UNKNOWN_END);

    assertThat(sink.toByteArray()).isEqualTo(original(0, 12));
    assertThat(result.uncheckedOverlapBytes()).isEqualTo(10);
    assertThat(result.duplicateBytes()).isZero();
  }

  @Test
  void rangesBeyondTheCapAreDroppedButStillCounted() throws IOException {
    StreamAssembler assembler = new StreamAssembler(sink, 0, new AssemblyLimits(2, 1024));
    feed(assembler, 1, "a");
    feed(assembler, 3, "b");
    feed(assembler, 5, "c");
    feed(assembler, 5, "x"); // conflict 1
    feed(assembler, 7, "d");
    feed(assembler, 7, "y"); // conflict 2
    feed(assembler, 9, "e");
    feed(assembler, 9, "z"); // conflict 3

    AssemblyResult result = assembler.finish(StreamAssembler.UNKNOWN_END);

    assertThat(result.rangesCapped()).isTrue();
    assertThat(result.gaps()).containsExactly(new ByteRange(0, 1), new ByteRange(2, 3));
    assertThat(result.missingBytes()).isEqualTo(5);
    assertThat(result.conflicts()).containsExactly(new ByteRange(5, 6), new ByteRange(7, 8));
    assertThat(result.conflictBytes()).isEqualTo(3);
    assertThat(sink.toByteArray()).isEqualTo(new byte[] {0, 'a', 0, 'b', 0, 'c', 0, 'd', 0, 'e'});
  }

  @Test
  void finishingTwiceOrAcceptingAfterFinishIsRefused() throws IOException {
    StreamAssembler assembler = assembler();
    assembler.finish(StreamAssembler.UNKNOWN_END);

    assertThatThrownBy(() -> assembler.finish(StreamAssembler.UNKNOWN_END))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> feed(assembler, 0, 1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anEndBeforeTheStartOffsetIsRejected() {
    StreamAssembler assembler = new StreamAssembler(sink, 100, AssemblyLimits.DEFAULTS);

    assertThatThrownBy(() -> assembler.finish(50))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("end offset 50 before start offset 100");
  }

  @Test
  void aSliceOutsideTheBufferIsRejected() {
    StreamAssembler assembler = assembler();

    assertThatThrownBy(() -> assembler.accept(0, new byte[4], 2, 3))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void afterASinkFailureTheAssemblerRefusesFurtherCalls() {
    OutputStream failing =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("disk full");
          }
        };
    StreamAssembler assembler = new StreamAssembler(failing, 0, AssemblyLimits.DEFAULTS);

    assertThatThrownBy(() -> feed(assembler, 0, 10)).hasMessage("disk full");
    assertThatThrownBy(() -> feed(assembler, 10, 20)).isInstanceOf(IllegalStateException.class);
  }
}
