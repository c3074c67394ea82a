package dev.ftprecon.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyAssemblerTest {

  private final AnomalyCounter anomalies = new AnomalyCounter();

  private List<FtpReply> assemble(int maxReplyLines, String... lines) {
    ReplyAssembler assembler = new ReplyAssembler(maxReplyLines, anomalies);
    List<FtpReply> replies = new ArrayList<>();
    for (String line : lines) {
      assembler.accept(line).ifPresent(replies::add);
    }
    return replies;
  }

  private List<FtpReply> assemble(String... lines) {
    return assemble(100, lines);
  }

  @Test
  void aSingleLineReplyIsCodeAndText() {
    assertThat(assemble("200 Switching to Binary mode."))
        .containsExactly(new FtpReply(200, "Switching to Binary mode.", false));
    assertThat(anomalies.snapshot()).isEmpty();
  }

  @Test
  void rfc959Section4_2MultiLineExample() {
    assertThat(
            assemble(
                "123-First line",
                "Second line",
                "  234 A line beginning with numbers",
                "123 The last line"))
        .containsExactly(
            new FtpReply(
                123,
                "First line\nSecond line\n  234 A line beginning with numbers\nThe last line",
                true));
    assertThat(anomalies.snapshot()).isEmpty();
  }

  @Test
  void linesWithOtherCodesDoNotEndAMultiLineReply() {
    assertThat(assemble("230-Welcome", "220 not the end", "124-nor this", "230 Logged in"))
        .containsExactly(
            new FtpReply(230, "Welcome\n220 not the end\n124-nor this\nLogged in", true));
  }

  @Test
  void aRepeatedCodeWithHyphenIsLayoutAndRemoved() {
    assertThat(assemble("211-Features:", "211- MDTM", "211-", "211 End"))
        .containsExactly(new FtpReply(211, "Features:\n MDTM\n\nEnd", true));
  }

  @Test
  void theSameCodeWithoutSpaceDoesNotEndAMultiLineReply() {
    assertThat(assemble("230-Welcome", "230x", "230 Logged in"))
        .containsExactly(new FtpReply(230, "Welcome\n230x\nLogged in", true));
  }

  @Test
  void repliesAfterAMultiLineReplyAreSeparate() {
    assertThat(assemble("230-A", "230 B", "250 OK"))
        .containsExactly(new FtpReply(230, "A\nB", true), new FtpReply(250, "OK", false));
  }

  @Test
  void aCodeWithoutSpaceIsAcceptedAndCounted() {
    assertThat(assemble("220Welcome")).containsExactly(new FtpReply(220, "Welcome", false));
    assertThat(anomalies.count(Anomalies.REPLY_CODE_WITHOUT_SPACE)).isEqualTo(1);
  }

  @Test
  void aBareCodeIsAReplyWithEmptyText() {
    assertThat(assemble("200")).containsExactly(new FtpReply(200, "", false));
    assertThat(anomalies.snapshot()).isEmpty();
  }

  @Test
  void aLineWithoutCodeIsKeptAsCodeZeroAndCounted() {
    assertThat(assemble("hello there")).containsExactly(new FtpReply(0, "hello there", false));
    assertThat(anomalies.count(Anomalies.REPLY_WITHOUT_CODE)).isEqualTo(1);
  }

  @Test
  void fourDigitsAreNotAReplyCode() {
    assertThat(assemble("2200 x")).containsExactly(new FtpReply(0, "2200 x", false));
    assertThat(anomalies.count(Anomalies.REPLY_WITHOUT_CODE)).isEqualTo(1);
  }

  @Test
  void aCodeBelow100IsNotAReplyCode() {
    assertThat(assemble("099 x")).containsExactly(new FtpReply(0, "099 x", false));
  }

  @Test
  void aCodeAbove699IsNotAReplyCode() {
    assertThat(assemble("700 x")).containsExactly(new FtpReply(0, "700 x", false));
  }

  @Test
  void linesOverTheCapAreReadButNotKeptAndTheLastLineIsKept() {
    assertThat(assemble(3, "214-a", "b", "c", "d", "e", "214 end"))
        .containsExactly(new FtpReply(214, "a\nb\nc\nend", true));
    assertThat(anomalies.count(Anomalies.replyTooLong(3))).isEqualTo(1);
  }

  @Test
  void flushGivesUpOnAnOpenMultiLineReply() {
    ReplyAssembler assembler = new ReplyAssembler(100, anomalies);
    assertThat(assembler.accept("230-Welcome")).isEmpty();
    assertThat(assembler.accept("more")).isEmpty();
    assertThat(assembler.isOpen()).isTrue();
    assertThat(assembler.flush()).contains(new FtpReply(230, "Welcome\nmore", true));
    assertThat(assembler.isOpen()).isFalse();
    assertThat(assembler.flush()).isEmpty();
    assertThat(anomalies.count(Anomalies.UNFINISHED_REPLY)).isEqualTo(1);
  }
}
