package dev.ftprecon.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FtpCommandTest {

  @Test
  void verbAndArgumentAreSplitAtTheFirstSpace() {
    assertThat(FtpCommand.parse("USER anonymous")).contains(new FtpCommand("USER", "anonymous"));
  }

  @Test
  void theVerbIsUpperCased() {
    assertThat(FtpCommand.parse("retr file.txt")).contains(new FtpCommand("RETR", "file.txt"));
  }

  @Test
  void theArgumentIsKeptExactlyAsSent() {
    assertThat(FtpCommand.parse("RETR  two  spaces "))
        .contains(new FtpCommand("RETR", " two  spaces "));
  }

  @Test
  void aCommandWithoutArgumentHasAnEmptyArgument() {
    assertThat(FtpCommand.parse("PWD")).contains(new FtpCommand("PWD", ""));
    assertThat(FtpCommand.parse("PWD ")).contains(new FtpCommand("PWD", ""));
  }

  @Test
  void fourLetterVerbsAreCommands() {
    assertThat(FtpCommand.parse("XCUP")).contains(new FtpCommand("XCUP", ""));
  }

  @Test
  void leadingSpacesAreSkipped() {
    assertThat(FtpCommand.parse("  NOOP")).contains(new FtpCommand("NOOP", ""));
  }

  @Test
  void anEmptyLineIsNotACommand() {
    assertThat(FtpCommand.parse("")).isEmpty();
  }

  @Test
  void aTwoLetterWordIsNotACommand() {
    assertThat(FtpCommand.parse("GO home")).isEmpty();
  }

  @Test
  void aFiveLetterWordIsNotACommand() {
    assertThat(FtpCommand.parse("RETRY file")).isEmpty();
  }

  @Test
  void aWordWithADigitIsNotACommand() {
    assertThat(FtpCommand.parse("R3TR file")).isEmpty();
  }

  @Test
  void aWordWithANonAsciiLetterIsNotACommand() {
    assertThat(FtpCommand.parse("\u00c4BC file")).isEmpty();
  }

  @Test
  void tlsCiphertextIsNotACommand() {
    assertThat(FtpCommand.parse("\u0016\u0003\u0001\u0002")).isEmpty();
  }

  @Test
  void nullIsNotACommand() {
    assertThat(FtpCommand.parse(null)).isEmpty();
  }

  @Test
  void aLowerCaseVerbCannotBeConstructed() {
    assertThatThrownBy(() -> new FtpCommand("retr", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
