package dev.ftprecon.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ftprecon.ftp.FtpAddresses;
import dev.ftprecon.ftp.FtpCommand;
import dev.ftprecon.ftp.HostPort;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The FTP tokenizer and address parsers on arbitrary text: {@link FtpCommand#parse} and every
 * {@link FtpAddresses} method. Contract: total (never throw, whatever the text, null included);
 * what they return is well formed (a 3-4 letter upper-case verb and the rest of the line as sent; a
 * canonical IP text and a port in 0..65535).
 *
 * <p>Input layout: one byte choosing how the rest becomes text (bit 0: UTF-8, else ISO-8859-1 so
 * every char 0-255 is reachable) and which control-connection address the EPSV parser gets (bits
 * 1-2), then the text.
 */
class FtpParsersFuzzTest {
  /** Control server addresses for the EPSV parser; null too, which it must accept. */
  private static final String[] CONTROL_SERVERS = {"192.0.2.1", "2001:db8::21", null, "not-an-ip"};

  @FtpDictionary
  @FuzzTest(maxDuration = "4s")
  void parseText(byte[] input) throws Exception {
    Watchdog.run(() -> check(input));
  }

  private void check(byte[] input) {
    if (input.length == 0) {
      checkNullArguments();
    }
    FuzzBytes in = new FuzzBytes(input);
    int choice = in.u8();
    byte[] bytes = in.rest();
    String text =
        new String(bytes, (choice & 1) != 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    String controlServer = CONTROL_SERVERS[(choice >>> 1) % CONTROL_SERVERS.length];

    checkCommand(text);
    checkAddress(FtpAddresses.parsePort(text));
    checkAddress(FtpAddresses.parsePasvReply(text));
    checkAddress(FtpAddresses.parseEprt(text));
    checkAddress(FtpAddresses.parseEpsvReply(text, controlServer));
    checkAddress(FtpAddresses.parseLprt(text));
    checkAddress(FtpAddresses.parseLpsvReply(text));
    // The text as the control server address, too: it comes from the capture, not from the peer,
    // but the parser promises totality for every argument.
    checkAddress(
        FtpAddresses.parseEpsvReply("229 Entering Extended Passive Mode (|||6446|)", text));
  }

  private static void checkNullArguments() {
    assertThat(FtpCommand.parse(null)).isEmpty();
    assertThat(FtpAddresses.parsePort(null)).isEmpty();
    assertThat(FtpAddresses.parsePasvReply(null)).isEmpty();
    assertThat(FtpAddresses.parseEprt(null)).isEmpty();
    assertThat(FtpAddresses.parseEpsvReply(null, null)).isEmpty();
    assertThat(FtpAddresses.parseLprt(null)).isEmpty();
    assertThat(FtpAddresses.parseLpsvReply(null)).isEmpty();
  }

  private static void checkCommand(String line) {
    Optional<FtpCommand> parsed = FtpCommand.parse(line);
    if (parsed.isEmpty()) {
      return;
    }
    FtpCommand command = parsed.get();
    String verb = command.verb();
    assertThat(verb).hasSizeBetween(3, 4).matches("[A-Z]+");
    int leadingSpaces = 0;
    while (leadingSpaces < line.length() && line.charAt(leadingSpaces) == ' ') {
      leadingSpaces++;
    }
    String afterSpaces = line.substring(leadingSpaces);
    assertThat(afterSpaces.substring(0, verb.length()).toUpperCase(Locale.ROOT))
        .as("verb is the first word, upper-cased")
        .isEqualTo(verb);
    if (afterSpaces.length() == verb.length()) {
      assertThat(command.arg()).isEmpty();
    } else {
      assertThat(afterSpaces.charAt(verb.length())).isEqualTo(' ');
      assertThat(command.arg()).isEqualTo(afterSpaces.substring(verb.length() + 1));
    }
  }

  private static void checkAddress(Optional<HostPort> parsed) {
    if (parsed.isEmpty()) {
      return;
    }
    HostPort address = parsed.get();
    assertThat(address.port()).isBetween(0, 65535);
    assertThat(new HostPort(address.ip(), address.port()))
        .as("address text is canonical")
        .isEqualTo(address);
  }
}
