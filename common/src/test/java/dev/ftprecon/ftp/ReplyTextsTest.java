package dev.ftprecon.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyTextsTest {

  @Test
  void rfc959AppendixIiPwdReply() {
    assertThat(ReplyTexts.quotedPath("\"/usr/dm\" is current directory.")).contains("/usr/dm");
  }

  @Test
  void rfc959AppendixIiDoubledQuotesInAName() {
    // Appendix II: MKD foo"bar is answered 257 "/usr/dm/foo""bar" directory created.
    assertThat(ReplyTexts.quotedPath("\"/usr/dm/foo\"\"bar\" directory created."))
        .contains("/usr/dm/foo\"bar");
  }

  @Test
  void aPwdReplyWithoutQuotesHasNoPath() {
    assertThat(ReplyTexts.quotedPath("/usr/dm is current directory.")).isEmpty();
  }

  @Test
  void aPwdReplyWithoutClosingQuoteHasNoPath() {
    assertThat(ReplyTexts.quotedPath("\"/usr/dm is current directory.")).isEmpty();
  }

  @Test
  void theByteCountOfAVsftpdPreliminaryReply() {
    assertThat(
            ReplyTexts.byteCountHint(
                "Opening BINARY mode data connection for file.bin (1234 bytes)."))
        .hasValue(1234);
  }

  @Test
  void aPreliminaryReplyWithoutByteCount() {
    assertThat(ReplyTexts.byteCountHint("Data connection already open; Transfer starting."))
        .isEmpty();
  }

  @Test
  void rfc1123StouFileName() {
    assertThat(ReplyTexts.uniqueFileName("FILE: upload.1")).contains("upload.1");
  }

  @Test
  void stouFileNameInAFinalReply() {
    assertThat(ReplyTexts.uniqueFileName("Transfer complete (unique file name:upload.2)."))
        .contains("upload.2");
  }

  @Test
  void noStouFileName() {
    assertThat(ReplyTexts.uniqueFileName("Ok to send data.")).isEmpty();
  }

  @Test
  void decimalsAllowSurroundingSpaces() {
    assertThat(ReplyTexts.decimal(" 4096 ")).hasValue(4096);
  }

  @Test
  void aNegativeDecimalIsUnreadable() {
    assertThat(ReplyTexts.decimal("-1")).isEmpty();
  }

  @Test
  void aDecimalTooLongForALongIsUnreadable() {
    assertThat(ReplyTexts.decimal("99999999999999999999")).isEmpty();
  }
}
