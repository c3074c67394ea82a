package dev.ftprecon.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.ftprecon.ftp.FtpLimits;
import dev.ftprecon.ftp.FtpSessionSummary;
import dev.ftprecon.ftp.FtpSessionTracker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Finding (from reviewing what FtpSessionTrackerFuzzTest reaches; the fuzzer did not produce an
 * input long enough within its budget): ReplyTexts.UNIQUE_FILE_NAME, {@code unique file
 * name:\s*([^)]+?)\s*\)}, backtracks cubically on a reply to STOU that has "unique file name:"
 * followed by many spaces and no ')': the three quantifiers can all match the spaces. On this
 * machine 1,000 spaces take 0.6 s, 1,500 take 1.6 s, 2,000 take 5 s, 4,000 take 43 s; one line of
 * the default maxLineBytes (8,192) takes minutes, and a multi-line reply (up to 1,000 such lines
 * are kept) hangs the task. The server controls the text, so a hostile or broken server stalls the
 * job.
 */
class StouReplyBacktrackingFindingTest {

  @Test
  void longRunOfSpacesInStouReplyIsReadInLinearTime() {
    FtpSessionTracker tracker =
        new FtpSessionTracker("192.0.2.10", 50_000, "198.51.100.21", 21, FtpLimits.DEFAULTS);
    feed(tracker, true, "STOU\r\n");
    feed(tracker, false, "150 Ok to send data\r\n");
    feed(tracker, false, "226 Transfer complete, unique file name:" + " ".repeat(8_000) + "\r\n");

    // A hang check, not a speed test: a linear-time reading takes microseconds; the cubic pattern
    // took minutes on this line (8,000 spaces; 4,000 took 43 s), far beyond the 10 s allowed.
    FtpSessionSummary summary =
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> tracker.finish(3));
    assertThat(summary.channels()).hasSize(1);
  }

  private static void feed(FtpSessionTracker tracker, boolean fromClient, String text) {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);
    if (fromClient) {
      tracker.clientData(1, b, 0, b.length);
    } else {
      tracker.serverData(2, b, 0, b.length);
    }
  }
}
