package dev.ftprecon.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RangeCollectorTest {

  @Test
  void touchingRangesMergeAndSeparateOnesStaySeparate() {
    RangeCollector collector = new RangeCollector(10);
    collector.add(0, 2);
    collector.add(2, 5);
    collector.add(7, 8);

    assertThat(collector.ranges()).containsExactly(new ByteRange(0, 5), new ByteRange(7, 8));
    assertThat(collector.capped()).isFalse();
  }

  @Test
  void emptyRangesAreIgnored() {
    RangeCollector collector = new RangeCollector(1);
    collector.add(4, 4);

    assertThat(collector.ranges()).isEmpty();
    assertThat(collector.capped()).isFalse();
  }

  @Test
  void aFullCollectorStillExtendsItsLastRangeButDropsNewOnes() {
    RangeCollector collector = new RangeCollector(1);
    collector.add(0, 1);
    collector.add(1, 3);
    collector.add(5, 6);

    assertThat(collector.ranges()).containsExactly(new ByteRange(0, 3));
    assertThat(collector.capped()).isTrue();
  }

  @Test
  void aZeroCapDropsEverything() {
    RangeCollector collector = new RangeCollector(0);
    collector.add(0, 1);

    assertThat(collector.ranges()).isEmpty();
    assertThat(collector.capped()).isTrue();
  }
}
