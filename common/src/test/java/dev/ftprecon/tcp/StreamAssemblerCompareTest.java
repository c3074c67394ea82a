package dev.ftprecon.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StreamAssemblerCompareTest {
  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void comparesALaterCopyWithoutWritingIt() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StreamAssembler a = new StreamAssembler(out, 0, AssemblyLimits.DEFAULTS);
    a.accept(0, ascii("0123456789"), 0, 10);
    a.compare(5, ascii("56X89abcde"), 0, 10); // [5,10) comparable: one byte differs at 7
    AssemblyResult r = a.finish(StreamAssembler.UNKNOWN_END);
    assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("0123456789");
    assertThat(r.duplicateBytes()).isEqualTo(4);
    assertThat(r.conflictBytes()).isEqualTo(1);
    assertThat(r.conflicts()).containsExactly(new ByteRange(7, 8));
    assertThat(r.uncheckedOverlapBytes()).isEqualTo(5); // [10,15) was not written yet
    assertThat(r.length()).isEqualTo(10);
  }

  @Test
  void ignoresTheCopyOfBytesBeforeTheStart() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StreamAssembler a = new StreamAssembler(out, 100, AssemblyLimits.DEFAULTS);
    a.accept(100, ascii("abc"), 0, 3);
    a.compare(98, ascii("zzab"), 0, 4);
    AssemblyResult r = a.finish(StreamAssembler.UNKNOWN_END);
    assertThat(r.duplicateBytes()).isEqualTo(2);
    assertThat(r.conflictBytes()).isZero();
    assertThat(r.uncheckedOverlapBytes()).isZero();
  }

  @Test
  void bytesWrittenUncomparedCountAsUncheckedIfACopyReachesThemAfterAll() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StreamAssembler a = new StreamAssembler(out, 0, AssemblyLimits.DEFAULTS);
    a.acceptUncompared(0, ascii("01234"), 0, 5);
    a.accept(5, ascii("56789"), 0, 5);
    a.compare(3, ascii("34X67"), 0, 5); // [3,5) was not kept; X differs at 5; 6 and 7 equal
    AssemblyResult r = a.finish(StreamAssembler.UNKNOWN_END);
    assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("0123456789");
    assertThat(r.uncheckedOverlapBytes()).isEqualTo(2);
    assertThat(r.conflicts()).containsExactly(new ByteRange(5, 6));
    assertThat(r.duplicateBytes()).isEqualTo(2);
    assertThat(r.dataBytes()).isEqualTo(10);
  }

  /** A copy of stream bytes {@code [offset, offset + len)} in capture order {@code ts}. */
  private record Copy(int id, long offset, byte[] bytes, long ts) {}

  /**
   * Through {@link FirstCopySweep}, parts that no other copy overlaps are written without being
   * kept for comparison. On random retransmission patterns whose copies sometimes disagree, the
   * file and every count (duplicates, conflicts and their ranges, unchecked bytes) are the same as
   * when every part is kept: no comparison ever needs a byte written uncompared.
   */
  @Test
  void writingLonePartsUncomparedChangesNeitherTheFileNorTheTally() throws Exception {
    Random random = new Random(20261126);
    byte[] stream = new byte[3_000];
    random.nextBytes(stream);
    int uncomparedParts = 0;
    for (int round = 0; round < 2_000; round++) {
      List<Copy> copies = new ArrayList<>();
      int n = 1 + random.nextInt(30);
      for (int i = 0; i < n; i++) {
        int offset = random.nextInt(2_500);
        int len = 1 + random.nextInt(400);
        byte[] bytes = Arrays.copyOfRange(stream, offset, offset + len);
        if (random.nextInt(4) == 0) {
          bytes[random.nextInt(len)] ^= 0x5a; // a copy that disagrees somewhere
        }
        copies.add(new Copy(i, offset, bytes, random.nextInt(40)));
      }
      copies.sort(Comparator.comparingLong(Copy::offset).thenComparingLong(Copy::ts));
      Swept kept = sweep(copies, false);
      Swept lean = sweep(copies, true);
      assertThat(lean.file).as("round %d", round).isEqualTo(kept.file);
      assertThat(lean.result).as("round %d: %s", round, copies).isEqualTo(kept.result);
      uncomparedParts += lean.uncompared;
    }
    assertThat(uncomparedParts).as("parts written uncompared").isGreaterThan(1_000);
  }

  private record Swept(byte[] file, AssemblyResult result, int uncompared) {}

  private static Swept sweep(List<Copy> copies, boolean uncomparedWhenAlone) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StreamAssembler a = new StreamAssembler(out, 0, AssemblyLimits.DEFAULTS);
    int[] uncompared = {0};
    FirstCopySweep<Copy> sweep =
        new FirstCopySweep<>(
            new FirstCopySweep.Sink<>() {
              @Override
              public void first(Copy c, long at, long from, int len, boolean overlapped)
                  throws IOException {
                if (uncomparedWhenAlone && !overlapped) {
                  uncompared[0]++;
                  a.acceptUncompared(from, c.bytes, (int) (from - at), len);
                } else {
                  a.accept(from, c.bytes, (int) (from - at), len);
                }
              }

              @Override
              public void later(Copy c, long at, long from, int len) {
                a.compare(from, c.bytes, (int) (from - at), len);
              }
            },
            100);
    for (Copy c : copies) {
      sweep.add(c.offset, c.bytes.length, c.ts, 0, c.id, c);
    }
    sweep.finish();
    AssemblyResult r = a.finish(StreamAssembler.UNKNOWN_END);
    return new Swept(out.toByteArray(), r, uncompared[0]);
  }
}
