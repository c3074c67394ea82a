package dev.ftprecon.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftprecon.output.SafeNames;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Names a hostile client may send in RETR/STOR: the channel keeps the exact bytes sent, and the
 * output name built from them is safe (see SafeNamesTest for the name rules themselves).
 */
class HostileNamesTest {
  private static final byte[] LATIN1_NAME = {'r', (byte) 0xE9, 's', 'u', 'm', (byte) 0xE9};
  private static final byte[] BROKEN_UTF8 = {'a', (byte) 0xC3, '(', (byte) 0xFE, 'z'};
  private static final byte[] CONTROL_BYTES = {'a', 0, 'b', 1, 0x1B, '[', '2', 'J', 0x7F, 'c'};

  @Test
  void everyHostileNameIsKeptByteForByteAndGetsASafeUniqueFileName() {
    List<byte[]> names =
        List.of(
            ascii("../../etc/passwd"),
            ascii("/etc/shadow"),
            ascii("a/../../../b"),
            ascii("..\\..\\windows\\win.ini"),
            CONTROL_BYTES,
            ascii("x".repeat(10_000)),
            ascii("CON"),
            ascii("nul.txt"),
            ascii("COM1"),
            LATIN1_NAME,
            BROKEN_UTF8,
            "Übersicht.txt".getBytes(StandardCharsets.UTF_8),
            ascii("same.txt"),
            ascii("same.txt"));
    FtpSessionTracker tracker =
        new FtpSessionTracker("192.0.2.10", 50_000, "198.51.100.21", 21, FtpLimits.DEFAULTS);
    long t = 1;
    for (byte[] name : names) {
      client(tracker, t++, concat(ascii("RETR "), name, ascii("\r\n")));
      server(tracker, t++, ascii("226 ok\r\n"));
    }
    List<ExpectedDataChannel> channels = tracker.finish(t).channels();

    assertThat(channels).hasSize(names.size());
    Set<String> fileNames = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      ExpectedDataChannel channel = channels.get(i);
      assertThat(channel.pathBytes()).as("bytes of name %d", i).containsExactly(names.get(i));
      String id = SafeNames.transferId("t", Integer.toString(i));
      String fileName = SafeNames.fileName(id, channel.path());
      assertThat(fileName).matches("[0-9a-f]{32}_[A-Za-z0-9_-][A-Za-z0-9._-]*");
      assertThat(fileName.length()).isLessThanOrEqualTo(SafeNames.MAX_FILE_NAME_BYTES);
      fileNames.add(fileName);
    }
    assertThat(fileNames).as("one file name per transfer").hasSize(names.size());
    assertThat(channels.get(6).path()).isEqualTo("CON");
    assertThat(channels.get(9).pathNotUtf8()).isTrue();
    assertThat(channels.get(11).pathNotUtf8()).isFalse();
    assertThat(channels.get(11).path()).isEqualTo("Übersicht.txt");
  }

  private static void client(FtpSessionTracker tracker, long t, byte[] b) {
    tracker.clientData(t, b, 0, b.length);
  }

  private static void server(FtpSessionTracker tracker, long t, byte[] b) {
    tracker.serverData(t, b, 0, b.length);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
