package dev.ftprecon.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpanChainTest {
  private record Seg(long seq, boolean syn, int len) {}

  /**
   * A direction cut into runs, each summarised by a {@link SequenceSpan} and resumed from its
   * {@link SpanChain.Start}, gets the same offsets, segment by segment, as one {@link
   * SequenceUnwrapper} fed the whole direction in order; the highest payload end before each run is
   * the one a sequential reader had at that point.
   */
  @Test
  void runsResumedFromTheChainGetTheOffsetsOfOneSequentialPass() {
    Random random = new Random(7);
    for (int round = 0; round < 500; round++) {
      long isn = random.nextLong() & 0xFFFFFFFFL;
      boolean withSyn = random.nextBoolean();
      List<Seg> segs = new ArrayList<>();
      if (withSyn) {
        segs.add(new Seg(isn, true, 0));
      }
      long next = withSyn ? 1 : 0;
      int n = 1 + random.nextInt(400);
      for (int i = 0; i < n; i++) {
        // Mostly in order, with retransmissions behind and jumps of up to 1 GiB (so that the
        // sequence numbers wrap within a few hundred segments).
        int kind = random.nextInt(10);
        long at = kind == 0 ? Math.max(0, next - random.nextInt(5_000)) : next;
        int len = kind == 1 ? 0 : 1 + random.nextInt(1_460);
        segs.add(new Seg(SeqNum.add(isn, at), false, len));
        next = Math.max(next, at + len) + (kind == 2 ? random.nextInt(1 << 30) : 0);
      }
      SequenceUnwrapper sequential =
          new SequenceUnwrapper(segs.get(0).syn() ? SeqNum.add(isn, 1) : segs.get(0).seq());
      long[] expected = new long[segs.size()];
      long[] expectedEndBefore = new long[segs.size()];
      long highestEnd = SequenceSpan.NO_END;
      for (int i = 0; i < segs.size(); i++) {
        expectedEndBefore[i] = highestEnd;
        expected[i] = sequential.unwrap(segs.get(i).seq());
        if (segs.get(i).len() > 0) {
          highestEnd = Math.max(highestEnd, expected[i] + segs.get(i).len());
        }
      }
      List<Integer> cuts = new ArrayList<>();
      cuts.add(0);
      for (int i = 1; i < segs.size(); i++) {
        if (random.nextInt(20) == 0) {
          cuts.add(i);
        }
      }
      cuts.add(segs.size());
      SpanChain chain = new SpanChain();
      for (int r = 0; r + 1 < cuts.size(); r++) {
        SequenceSpan span = new SequenceSpan();
        for (int i = cuts.get(r); i < cuts.get(r + 1); i++) {
          span.see(i, segs.get(i).seq(), segs.get(i).syn(), segs.get(i).len());
        }
        SpanChain.Start start =
            chain.next(span.firstSeq(), span.firstIsSyn(), span.highestStart(), span.highestEnd());
        assertThat(start.highestEnd()).isEqualTo(expectedEndBefore[cuts.get(r)]);
        SequenceUnwrapper resumed = new SequenceUnwrapper(start.baseSeq(), start.highestStart());
        for (int i = cuts.get(r); i < cuts.get(r + 1); i++) {
          assertThat(resumed.unwrap(segs.get(i).seq()))
              .as("round %d segment %d", round, i)
              .isEqualTo(expected[i]);
        }
      }
    }
  }

  @Test
  void theOriginIsTheIsnPlusOneAfterASyn() {
    SequenceSpan span = new SequenceSpan();
    span.see(1, 0xFFFFFFFFL, true, 0);
    span.see(2, 0, false, 100);
    assertThat(span.firstSeq()).isEqualTo(0xFFFFFFFFL);
    assertThat(span.highestEnd()).isEqualTo(101);
    SpanChain.Start start = new SpanChain().next(0xFFFFFFFFL, true, 1, 101);
    assertThat(start.baseSeq()).isZero();
    assertThat(start.highestStart()).isZero();
    assertThat(start.highestEnd()).isEqualTo(SequenceSpan.NO_END);
  }
}
