package dev.ftprecon.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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
}
