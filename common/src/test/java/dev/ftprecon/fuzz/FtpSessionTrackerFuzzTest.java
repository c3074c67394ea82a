package dev.ftprecon.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ftprecon.ftp.FtpLimits;
import dev.ftprecon.ftp.FtpSessionSummary;
import dev.ftprecon.ftp.FtpSessionTracker;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link FtpSessionTracker} fed arbitrary client and server bytes, interleaved, with holes, then
 * finished. Contract: traffic never raises an exception, everything the summary keeps stays within
 * {@link FtpLimits} ({@link SessionChecks}), and the summary does not depend on how each
 * direction's bytes were cut into packets (the same events fed byte by byte give the same summary).
 * Misuse after {@code finish} throws IllegalStateException.
 *
 * <p>Input layout: the limits ({@link SessionChecks#limits}), one byte choosing the endpoints,
 * eight bytes of start time (any long), then events until the input ends. Event byte: bits 0-1 the
 * kind (0 client bytes, 1 server bytes: a length byte and that many bytes; 2 a hole, bit 2 saying
 * on which side, two bytes of size; 3 a clock jump of four bytes, in microseconds), bits 3-7 added
 * to the clock in nanoseconds. {@code finish} comes at the clock's last value.
 */
class FtpSessionTrackerFuzzTest {
  /** Client and server addresses of the control connection. */
  private static final String[][] ENDPOINTS = {
    {"192.0.2.10", "198.51.100.21"}, {"2001:db8::10", "2001:db8::21"}, {"10.0.0.1", "10.0.0.1"}
  };

  private static final int CLIENT = 0;
  private static final int SERVER = 1;
  private static final int GAP = 2;

  /** One call to make on the tracker. */
  private record Event(int kind, long tsNanos, byte[] bytes, boolean fromClient, long gapBytes) {}

  @FtpDictionary
  @FuzzTest(maxDuration = "4s")
  void interleavedSession(byte[] input) throws Exception {
    Watchdog.run(() -> check(input));
  }

  private void check(byte[] input) {
    FuzzBytes in = new FuzzBytes(input);
    FtpLimits limits = SessionChecks.limits(in);
    String[] endpoints = ENDPOINTS[in.u8() % ENDPOINTS.length];
    long ts = in.u64();
    List<Event> events = new ArrayList<>();
    while (in.hasMore()) {
      int head = in.u8();
      ts += head >>> 3;
      switch (head & 3) {
        case CLIENT, SERVER -> events.add(new Event(head & 3, ts, in.lengthPrefixed(), false, 0));
        case GAP -> events.add(new Event(GAP, ts, null, (head & 4) != 0, in.u16()));
        default -> ts += in.u32() * 1000;
      }
    }
    long end = ts;

    FtpSessionTracker whole = tracker(endpoints, limits);
    FtpSessionSummary summary = feed(whole, events, false, end);
    SessionChecks.check(summary, limits);
    FtpSessionSummary byteByByte = feed(tracker(endpoints, limits), events, true, end);
    assertThat(byteByByte)
        .as("summary when every byte comes in a packet of its own")
        .isEqualTo(summary);
    assertThatThrownBy(() -> whole.clientData(end, new byte[1], 0, 1))
        .isInstanceOf(IllegalStateException.class);
  }

  private static FtpSessionTracker tracker(String[] endpoints, FtpLimits limits) {
    return new FtpSessionTracker(endpoints[0], 50_000, endpoints[1], 21, limits);
  }

  private static FtpSessionSummary feed(
      FtpSessionTracker tracker, List<Event> events, boolean byteByByte, long end) {
    for (Event e : events) {
      if (e.kind() == GAP) {
        tracker.gap(e.fromClient(), e.tsNanos(), e.gapBytes());
        continue;
      }
      byte[] b = e.bytes();
      if (!byteByByte || b.length == 0) {
        data(tracker, e.kind(), e.tsNanos(), b, 0, b.length);
      } else {
        for (int i = 0; i < b.length; i++) {
          data(tracker, e.kind(), e.tsNanos(), b, i, 1);
        }
      }
    }
    return tracker.finish(end);
  }

  private static void data(
      FtpSessionTracker tracker, int kind, long ts, byte[] b, int off, int len) {
    if (kind == CLIENT) {
      tracker.clientData(ts, b, off, len);
    } else {
      tracker.serverData(ts, b, off, len);
    }
  }
}
