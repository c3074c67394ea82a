package dev.ftprecon.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ftprecon.control.ControlConnectionAnalyzer;
import dev.ftprecon.ftp.FtpLimits;
import dev.ftprecon.ftp.FtpSessionSummary;

/**
 * {@link ControlConnectionAnalyzer} fed arbitrary TCP segments of both directions: sequence numbers
 * that jump, wrap, repeat and overlap, SYNs anywhere, clocks that stall and leap. Contract: never
 * throws, counts every payload byte, and the summary satisfies {@link SessionChecks}.
 *
 * <p>Input layout: the limits ({@link SessionChecks#limits}), four bytes of client ISN, four of
 * server ISN, eight of start time, then segments until the input ends. Segment: one byte (bit 0
 * from the client, bit 1 SYN, bit 2 a raw four-byte sequence number follows instead of a signed
 * two-byte offset from the side's ISN, bits 3-7 added to the clock in milliseconds), the sequence
 * field, then a length byte and the payload.
 */
class ControlConnectionFuzzTest {

  @FtpDictionary
  @FuzzTest(maxDuration = "4s")
  void segments(byte[] input) throws Exception {
    Watchdog.run(() -> check(input));
  }

  private void check(byte[] input) {
    FuzzBytes in = new FuzzBytes(input);
    FtpLimits limits = SessionChecks.limits(in);
    long clientIsn = in.u32();
    long serverIsn = in.u32();
    long ts = in.u64();
    ControlConnectionAnalyzer analyzer =
        new ControlConnectionAnalyzer("192.0.2.10", 50_000, "198.51.100.21", 21, limits);
    long payload = 0;
    while (in.hasMore()) {
      int head = in.u8();
      boolean fromClient = (head & 1) != 0;
      int flags = (head & 2) != 0 ? 0x02 : 0x10;
      long seq =
          (head & 4) != 0
              ? in.u32()
              : ((fromClient ? clientIsn : serverIsn) + (short) in.u16()) & 0xFFFF_FFFFL;
      ts += (head >>> 3) * 1_000_000L;
      byte[] bytes = in.lengthPrefixed();
      analyzer.segment(fromClient, ts, seq, flags, bytes, 0, bytes.length);
      payload += bytes.length;
    }
    FtpSessionSummary summary = analyzer.finish(ts);
    assertThat(analyzer.payloadBytes()).isEqualTo(payload);
    assertThat(analyzer.gapBytes()).isNotNegative();
    SessionChecks.check(summary, limits);
  }
}
