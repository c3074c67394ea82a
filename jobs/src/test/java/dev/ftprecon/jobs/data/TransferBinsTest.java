package dev.ftprecon.jobs.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransferBinsTest {
  @Test
  void aHugeTransferGetsTheFirstTaskToItselfAndTheSmallOnesShareTheRest() {
    Map<Integer, Long> sizes = new HashMap<>();
    sizes.put(7, 6L << 30);
    for (int t = 100; t < 400; t++) {
      sizes.put(t, 1_000_000L + t);
    }
    TransferBins bins = TransferBins.pack(sizes, 2);

    assertThat(bins.bins()).isEqualTo(8);
    assertThat(bins.binOf().get(7)).isZero();
    assertThat(bins.binOf().entrySet())
        .filteredOn(e -> e.getValue() == 0)
        .extracting(Map.Entry::getKey)
        .containsExactly(7);
    // The 300 small transfers spread evenly over the 7 other tasks (300 / 7: 42 or 43 each).
    for (int b = 1; b < 8; b++) {
      int bin = b;
      assertThat(bins.binOf().values().stream().filter(v -> v == bin).count()).isBetween(42L, 43L);
    }
  }

  @Test
  void fewerTransfersThanTasksGiveOneTaskPerTransfer() {
    TransferBins bins = TransferBins.pack(Map.of(1, 10L, 2, 0L, 3, 5L), 2);

    assertThat(bins.bins()).isEqualTo(3);
    assertThat(bins.binOf()).containsExactlyInAnyOrderEntriesOf(Map.of(1, 0, 3, 1, 2, 2));
  }
}
