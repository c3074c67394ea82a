package dev.ftprecon.jobs.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftprecon.tcp.SequenceSpan;
import dev.ftprecon.tcp.SpanChain;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class DirectionSpansTest {
  private static final String SENDER = "10.0.0.2";
  private static final String RECEIVER = "10.0.0.1";

  private static final DataAssignment TRANSFER_7 =
      new DataAssignment(7, SENDER, 20, RECEIVER, 40000, false, 0);

  /** A facts row's span columns: capture, split start, piece, first ns, seq, syn, start, end. */
  private static Row span(
      int capture, long split, int piece, Long firstNs, long seq, boolean syn, long hs, Long he) {
    return RowFactory.create(capture, split, piece, firstNs, seq, syn, hs, he);
  }

  private static void add(DirectionSpans spans, Row r) {
    spans.add(SENDER, 20, RECEIVER, 40000, r, 0);
  }

  /**
   * Splits chain in capture order of their first segment, whatever order their rows come in; a
   * split's pieces follow each other in piece order; each split resumes from its first piece.
   */
  @Test
  void splitsChainInCaptureOrderAndPiecesInTheirOrder() {
    DirectionSpans spans = new DirectionSpans();
    // Capture 0 (a rotated file listed first) comes after capture 1's two splits in time.
    add(spans, span(0, 0, 0, 300L, 5_000, false, 1_000, 2_000L));
    add(spans, span(1, 65_536, 1, 250L, 3_000, false, 1_000, 2_000L));
    add(spans, span(1, 65_536, 0, 200L, 1_001, false, 1_000, 2_000L));
    add(spans, span(1, 0, 0, 100L, 1_000, true, 0, null));
    add(spans, span(1, 0, 1, null, 0, false, 0, null)); // no segment carried stream
    // Another direction of the same connection says nothing about this one.
    spans.add(RECEIVER, 40000, SENDER, 20, span(0, 0, 0, 50L, 9, true, 0, null), 0);

    Map<DirectionSpans.SplitKey, SpanChain.Start> starts =
        spans.starts(Map.of(ConnectionKey.of(SENDER, 20, RECEIVER, 40000), TRANSFER_7));

    SpanChain chain = new SpanChain();
    SpanChain.Start first = chain.next(1_000, true, 0, SequenceSpan.NO_END);
    SpanChain.Start second = chain.next(1_001, false, 1_000, 2_000);
    chain.next(3_000, false, 1_000, 2_000);
    SpanChain.Start third = chain.next(5_000, false, 1_000, 2_000);
    assertThat(starts)
        .containsOnly(
            Map.entry(new DirectionSpans.SplitKey(7, 1, 0), first),
            Map.entry(new DirectionSpans.SplitKey(7, 1, 65_536), second),
            Map.entry(new DirectionSpans.SplitKey(7, 0, 0), third));
    assertThat(first.baseSeq()).isEqualTo(1_001);
    assertThat(third.highestStart()).isEqualTo(2_000 + 1_000 - 1);
    assertThat(third.highestEnd()).isEqualTo(2_000 + 2_000 - 1);
  }
}
