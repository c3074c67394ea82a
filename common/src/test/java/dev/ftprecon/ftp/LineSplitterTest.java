package dev.ftprecon.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftprecon.ftp.LineSplitter.Line;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {

  private final List<Line> lines = new ArrayList<>();

  private void feed(LineSplitter splitter, long ts, byte[] bytes) {
    splitter.feed(ts, bytes, 0, bytes.length, lines::add);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  @Test
  void crlfEndsALineAndIsRemoved() {
    feed(new LineSplitter(100), 7, ascii("USER anonymous\r\n"));
    assertThat(lines).containsExactly(new Line(7, "USER anonymous", false));
  }

  @Test
  void aBareLfEndsALine() {
    feed(new LineSplitter(100), 7, ascii("USER anonymous\nPASS x\n"));
    assertThat(lines)
        .containsExactly(new Line(7, "USER anonymous", false), new Line(7, "PASS x", false));
  }

  @Test
  void aCrInsideALineIsText() {
    feed(new LineSplitter(100), 7, ascii("a\rb\r\n"));
    assertThat(lines).containsExactly(new Line(7, "a\rb", false));
  }

  @Test
  void anEmptyLineIsALine() {
    feed(new LineSplitter(100), 7, ascii("\r\n"));
    assertThat(lines).containsExactly(new Line(7, "", false));
  }

  @Test
  void bytesFedOneAtATimeMakeTheSameLinesTimedByTheCompletingByte() {
    LineSplitter splitter = new LineSplitter(100);
    byte[] stream = ascii("RETR a.txt\r\nQUIT\r\n");
    for (int i = 0; i < stream.length; i++) {
      splitter.feed(1000 + i, stream, i, 1, lines::add);
    }
    assertThat(lines)
        .containsExactly(new Line(1011, "RETR a.txt", false), new Line(1017, "QUIT", false));
  }

  @Test
  void theOffsetAndCountOfTheFeedAreRespected() {
    byte[] buffer = ascii("xxNOOP\r\nyy");
    new LineSplitter(100).feed(3, buffer, 2, 6, lines::add);
    assertThat(lines).containsExactly(new Line(3, "NOOP", false));
  }

  @Test
  void telnetInterruptAndDataMarkBeforeAborAreRemoved() {
    // RFC 959 §4.1.3 ABOR: IAC IP, then IAC DM as urgent data, then the command.
    feed(new LineSplitter(100), 1, bytes(255, 244, 255, 242, 'A', 'B', 'O', 'R', '\r', '\n'));
    assertThat(lines).containsExactly(new Line(1, "ABOR", false));
  }

  @Test
  void telnetOptionNegotiationIsRemoved() {
    // IAC WILL ECHO (1), IAC DONT SUPPRESS-GO-AHEAD (3)
    feed(new LineSplitter(100), 1, bytes(255, 251, 1, 'N', 'O', 255, 254, 3, 'O', 'P', '\n'));
    assertThat(lines).containsExactly(new Line(1, "NOOP", false));
  }

  @Test
  void aTelnetCommandSplitAcrossFeedsIsStillRemoved() {
    LineSplitter splitter = new LineSplitter(100);
    feed(splitter, 1, bytes('N', 'O', 255));
    feed(splitter, 2, bytes(251));
    feed(splitter, 3, bytes(1, 'O', 'P', '\n'));
    assertThat(lines).containsExactly(new Line(3, "NOOP", false));
  }

  @Test
  void iacIacIsALiteral0xFfByte() {
    // Not valid UTF-8, so read as ISO-8859-1 where 0xFF is 'ÿ'.
    feed(new LineSplitter(100), 1, bytes('R', 'E', 'T', 'R', ' ', 255, 255, '\n'));
    assertThat(lines).containsExactly(new Line(1, "RETR \u00ff", false, true));
  }

  @Test
  void anUnescaped0xFfBeforeTextIsKept() {
    feed(new LineSplitter(100), 1, bytes('R', 'E', 'T', 'R', ' ', 'a', 255, 'b', '\n'));
    assertThat(lines).containsExactly(new Line(1, "RETR a\u00ffb", false, true));
  }

  @Test
  void validUtf8IsDecodedAsUtf8() {
    feed(new LineSplitter(100), 1, "RETR Übersicht.txt\r\n".getBytes(StandardCharsets.UTF_8));
    assertThat(lines).containsExactly(new Line(1, "RETR Übersicht.txt", false));
  }

  @Test
  void invalidUtf8IsDecodedAsIso88591() {
    feed(new LineSplitter(100), 1, bytes('c', 'a', 'f', 0xe9, '\n'));
    assertThat(lines).containsExactly(new Line(1, "caf\u00e9", false, true));
  }

  @Test
  void theSameTextFromUtf8AndFromIso88591GivesBackEachOnesBytes() {
    // "caf\u00e9" is both UTF-8 63 61 66 C3 A9 and ISO-8859-1 63 61 66 E9: only the flag tells.
    feed(
        new LineSplitter(100),
        1,
        bytes('c', 'a', 'f', 0xc3, 0xa9, '\n', 'c', 'a', 'f', 0xe9, '\n'));
    assertThat(lines).extracting(Line::text).containsExactly("caf\u00e9", "caf\u00e9");
    assertThat(lines.get(0).bytes()).containsExactly(bytes('c', 'a', 'f', 0xc3, 0xa9));
    assertThat(lines.get(1).bytes()).containsExactly(bytes('c', 'a', 'f', 0xe9));
  }

  @Test
  void everyByteButLineEndsAndTelnetCommandsComesBack() {
    // Bytes 0x00-0xFF except LF (0x0A) and IAC (0xFF), in a line of their own: not UTF-8.
    byte[] line = new byte[254];
    int n = 0;
    for (int b = 0; b < 255; b++) {
      if (b != '\n') {
        line[n++] = (byte) b;
      }
    }
    byte[] input = java.util.Arrays.copyOf(line, line.length + 1);
    input[line.length] = '\n';
    feed(new LineSplitter(1000), 1, input);
    assertThat(lines).singleElement().satisfies(l -> assertThat(l.notUtf8()).isTrue());
    assertThat(lines.get(0).bytes()).containsExactly(line);
  }

  @Test
  void aLineOfExactlyTheLimitIsNotTruncated() {
    feed(new LineSplitter(4), 1, ascii("NOOP\r\nPWD\n"));
    assertThat(lines).containsExactly(new Line(1, "NOOP", false), new Line(1, "PWD", false));
  }

  @Test
  void aLineOneByteOverTheLimitIsCutOnceAndTheRestDiscarded() {
    feed(new LineSplitter(4), 1, ascii("NOOPX\r\nPWD\r\n"));
    assertThat(lines).containsExactly(new Line(1, "NOOP", true), new Line(1, "PWD", false));
  }

  @Test
  void aCrAtTheLimitFollowedByTextMakesTheLineLong() {
    feed(new LineSplitter(4), 1, ascii("NOOP\rX\nPWD\n"));
    assertThat(lines).containsExactly(new Line(1, "NOOP", true), new Line(1, "PWD", false));
  }

  @Test
  void aTruncatedLineIsTimedByThePacketThatCutIt() {
    LineSplitter splitter = new LineSplitter(4);
    feed(splitter, 1, ascii("ABC"));
    feed(splitter, 2, ascii("DEFG"));
    feed(splitter, 3, ascii("HIJ\n"));
    assertThat(lines).containsExactly(new Line(2, "ABCD", true));
  }

  @Test
  void anEndlessLineYieldsOneTruncatedLineAndNothingElse() {
    LineSplitter splitter = new LineSplitter(FtpLimits.DEFAULT_MAX_LINE_BYTES);
    byte[] chunk = new byte[64 * 1024];
    Arrays.fill(chunk, (byte) 'A');
    int tenMegabytes = 10 * 1024 * 1024;
    for (int fed = 0; fed < tenMegabytes; fed += chunk.length) {
      splitter.feed(fed, chunk, 0, chunk.length, lines::add);
    }
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).truncated()).isTrue();
    assertThat(lines.get(0).timestampNanos()).isZero();
    assertThat(lines.get(0).text()).hasSize(FtpLimits.DEFAULT_MAX_LINE_BYTES).matches("A+");
    assertThat(splitter.hasPartialLine()).isFalse();

    feed(splitter, 99, ascii("AAAA\r\nNOOP\r\n"));
    assertThat(lines).hasSize(2).last().isEqualTo(new Line(99, "NOOP", false));
  }

  @Test
  void flushYieldsTheUnfinishedLine() {
    LineSplitter splitter = new LineSplitter(100);
    feed(splitter, 1, ascii("221 Goodbye"));
    assertThat(splitter.hasPartialLine()).isTrue();
    assertThat(splitter.flush(5)).contains(new Line(5, "221 Goodbye", false));
    assertThat(splitter.flush(6)).isEmpty();
  }

  @Test
  void droppingThePartialLineStartsAFreshLine() {
    LineSplitter splitter = new LineSplitter(100);
    feed(splitter, 1, ascii("RET"));
    splitter.dropPartialLine();
    feed(splitter, 2, ascii("QUIT\r\n"));
    assertThat(lines).containsExactly(new Line(2, "QUIT", false));
  }
}
