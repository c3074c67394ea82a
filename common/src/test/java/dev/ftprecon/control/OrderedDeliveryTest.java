package dev.ftprecon.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderedDeliveryTest {
  /** Records what the delivery hands on: text for data, "<gap N>" for holes. */
  private final List<String> delivered = new ArrayList<>();

  private final List<Long> times = new ArrayList<>();

  private final OrderedDelivery.Sink sink =
      new OrderedDelivery.Sink() {
        @Override
        public void data(long tsNanos, byte[] buf, int off, int len) {
          delivered.add(new String(buf, off, len, StandardCharsets.ISO_8859_1));
          times.add(tsNanos);
        }

        @Override
        public void gap(long tsNanos, long bytes) {
          delivered.add("<gap " + bytes + ">");
        }
      };

  private static void send(OrderedDelivery d, long seq, String text) {
    send(d, 0, seq, text);
  }

  private static void send(OrderedDelivery d, long ts, long seq, String text) {
    byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
    d.advanceTo(ts);
    d.segment(ts, seq, b, 0, b.length);
  }

  @Test
  void deliversInOrderSegmentsAsTheyCome() {
    OrderedDelivery d = new OrderedDelivery(1 << 20, Long.MAX_VALUE, sink);
    d.syn(999); // first data byte is ISN + 1 = 1000
    send(d, 1000, "USER a\r\n");
    send(d, 1008, "PASS b\r\n");
    d.finish();
    assertThat(delivered).containsExactly("USER a\r\n", "PASS b\r\n");
  }

  @Test
  void holdsASegmentThatArrivesEarlyUntilTheHoleIsFilled() {
    OrderedDelivery d = new OrderedDelivery(1 << 20, Long.MAX_VALUE, sink);
    d.syn(999);
    send(d, 1008, "PASS b\r\n");
    assertThat(delivered).isEmpty();
    send(d, 1000, "USER a\r\n");
    assertThat(delivered).containsExactly("USER a\r\n", "PASS b\r\n");
  }

  @Test
  void dropsRetransmittedBytesAndDeliversOnlyTheNewTailOfAnOverlap() {
    OrderedDelivery d = new OrderedDelivery(1 << 20, Long.MAX_VALUE, sink);
    d.syn(999);
    send(d, 1000, "USER a\r\n");
    send(d, 1000, "USER a\r\n");
    send(d, 1004, " a\r\nPASS b\r\n");
    assertThat(delivered).containsExactly("USER a\r\n", "PASS b\r\n");
  }

  @Test
  void reportsAHoleThatNeverFillsAtTheEnd() {
    OrderedDelivery d = new OrderedDelivery(1 << 20, Long.MAX_VALUE, sink);
    d.syn(999);
    send(d, 1000, "USER a\r\n");
    send(d, 1018, "QUIT\r\n"); // bytes 1008..1017 never seen
    d.finish();
    assertThat(delivered).containsExactly("USER a\r\n", "<gap 10>", "QUIT\r\n");
    assertThat(d.gapBytes()).isEqualTo(10);
  }

  @Test
  void skipsTheHoleWhenTheBufferOverflowsInsteadOfGrowing() {
    OrderedDelivery d = new OrderedDelivery(8, Long.MAX_VALUE, sink);
    d.syn(999);
    send(d, 1010, "abcd");
    assertThat(delivered).isEmpty();
    send(d, 1014, "efghi"); // 9 bytes buffered > 8
    assertThat(delivered).containsExactly("<gap 10>", "abcd", "efghi");
  }

  @Test
  void takesTheFirstDataSeenAsOriginWhenTheHandshakeWasNotCaptured() {
    OrderedDelivery d = new OrderedDelivery(1 << 20, Long.MAX_VALUE, sink);
    send(d, 0xFFFFFFFCL, "RETR"); // wraps past 2^32 within the line
    send(d, 0x00000000L, " x\r\n");
    assertThat(delivered).containsExactly("RETR", " x\r\n");
  }

  @Test
  void givesUpOnAHoleAfterTheWaitAndKeepsEachSegmentsOwnTime() {
    OrderedDelivery d = new OrderedDelivery(1 << 20, 5_000, sink);
    d.syn(999);
    send(d, 100, 1000, "USER a\r\n");
    send(d, 200, 1018, "QUIT\r\n"); // bytes 1008..1017 lost
    send(d, 5_000, 1024, "X\r\n");
    assertThat(delivered).containsExactly("USER a\r\n");
    d.advanceTo(5_201); // more than 5000 after the oldest waiting segment (200)
    assertThat(delivered).containsExactly("USER a\r\n", "<gap 10>", "QUIT\r\n", "X\r\n");
    assertThat(times).containsExactly(100L, 200L, 5_000L);
  }
}
