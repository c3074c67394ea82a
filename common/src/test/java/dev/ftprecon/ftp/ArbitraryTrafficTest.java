package dev.ftprecon.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Traffic never raises an exception: arbitrary bytes and texts only ever produce anomalies. */
class ArbitraryTrafficTest {

  /** Mostly FTP-looking fragments, so the random mix reaches deep into the state machine. */
  private static final String[] FRAGMENTS = {
    "USER a\r\n",
    "PASS b\r\n",
    "PASV\r\n",
    "EPSV\r\n",
    "EPSV ALL\r\n",
    "RETR x\r\n",
    "STOR y\r\n",
    "STOU\r\n",
    "LIST -la\r\n",
    "CWD ..\r\n",
    "PWD\r\n",
    "REST 5\r\n",
    "TYPE I\r\n",
    "PORT 1,2,3,4,5,6\r\n",
    "EPRT |2|::1|21|\r\n",
    "LPRT 6,16,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,2,0,21\r\n",
    "AUTH SSL\r\n",
    "220 hi\r\n",
    "220-multi\r\n",
    "230 ok\r\n",
    "227 (1,2,3,4,5,6)\r\n",
    "229 (|||77|)\r\n",
    "228 (4,4,1,2,3,4,2,0,21)\r\n",
    "150 FILE: z\r\n",
    "150 (12 bytes)\r\n",
    "226 done\r\n",
    "257 \"/a\"\"b\"\r\n",
    "350 ok\r\n",
    "213 9\r\n",
    "530 no\r\n",
    "421 bye\r\n",
    "\r",
    "\n",
    "\u00ff\u00ff",
    "\u00ff\u00fb",
    "\u00ff",
    "999 ",
    "1",
    "-",
    "|",
    "(",
    ",",
    "\""
  };

  @Test
  void randomMixturesOfFragmentsAndBytesNeverThrow() {
    Random random = new Random(20240601);
    for (int session = 0; session < 300; session++) {
      FtpLimits limits =
          new FtpLimits(
              1 + random.nextInt(64),
              1 + random.nextInt(5),
              1 + random.nextInt(50),
              1 + random.nextInt(5),
              1 + random.nextInt(5));
      FtpSessionTracker tracker = new FtpSessionTracker("10.0.0.1", 40000, "10.0.0.2", 21, limits);
      long ts = 0;
      for (int step = 0; step < 200; step++) {
        ts += random.nextInt(1000);
        byte[] bytes = randomChunk(random);
        int choice = random.nextInt(20);
        if (choice == 0) {
          tracker.gap(random.nextBoolean(), ts, random.nextInt(100));
        } else if (choice % 2 == 0) {
          tracker.clientData(ts, bytes, 0, bytes.length);
        } else {
          tracker.serverData(ts, bytes, 0, bytes.length);
        }
      }
      FtpSessionSummary summary = tracker.finish(ts + 1);
      assertThat(summary.commands().size()).isLessThanOrEqualTo(limits.maxCommands());
      assertThat(summary.channels().size()).isLessThanOrEqualTo(limits.maxChannels());
    }
  }

  @Test
  void theAddressParsersAcceptAnyText() {
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      String text = new String(randomChunk(random), StandardCharsets.ISO_8859_1);
      assertThatCode(
              () -> {
                FtpAddresses.parsePort(text);
                FtpAddresses.parseEprt(text);
                FtpAddresses.parsePasvReply(text);
                FtpAddresses.parseEpsvReply(text, "10.0.0.2");
                FtpAddresses.parseLprt(text);
                FtpAddresses.parseLpsvReply(text);
                FtpCommand.parse(text);
                IpText.canonical(text);
              })
          .doesNotThrowAnyException();
    }
  }

  private static byte[] randomChunk(Random random) {
    StringBuilder text = new StringBuilder();
    int parts = 1 + random.nextInt(4);
    for (int i = 0; i < parts; i++) {
      if (random.nextInt(4) == 0) {
        byte[] noise = new byte[random.nextInt(12)];
        random.nextBytes(noise);
        text.append(new String(noise, StandardCharsets.ISO_8859_1));
      } else {
        text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
      }
    }
    return text.toString().getBytes(StandardCharsets.ISO_8859_1);
  }
}
