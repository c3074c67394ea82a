package dev.ftprecon.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecordsValidationTest {

  @Test
  void aByteRangeRunningBackwardsIsRejectedWithBothEnds() {
    assertThatThrownBy(() -> new ByteRange(20, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("range end 10 before start 20");
  }

  @Test
  void aByteRangeWithANegativeStartIsRejected() {
    assertThatThrownBy(() -> new ByteRange(-1, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("range start -1 is negative, expected >= 0");
  }

  @Test
  void aByteRangeKnowsItsLength() {
    assertThat(new ByteRange(10, 25).length()).isEqualTo(15);
    assertThat(new ByteRange(7, 7).length()).isZero();
  }

  @Test
  void limitsOutsideTheirBoundsAreRejected() {
    assertThatThrownBy(() -> new AssemblyLimits(-1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxRanges -1 outside [0, 10000000]");
    assertThatThrownBy(() -> new AssemblyLimits(0, (1 << 28) + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("overlapCheckWindowBytes 268435457 outside [0, 268435456]");
  }

  @Test
  void defaultLimitsAreTenThousandRangesAndOneMebibyte() {
    assertThat(AssemblyLimits.DEFAULTS).isEqualTo(new AssemblyLimits(10_000, 1_048_576));
  }

  @Test
  void aResultWhoseLengthIsNotDataPlusMissingIsRejected() {
    assertThatThrownBy(() -> result(10, 5, 3, List.of(new ByteRange(0, 3)), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("length 10 is not dataBytes 5 + missingBytes 3");
  }

  @Test
  void anUncappedResultWhoseGapsDoNotAddUpIsRejected() {
    assertThatThrownBy(() -> result(10, 7, 3, List.of(new ByteRange(0, 2)), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("gaps add up to 2 bytes, expected missingBytes 3");
  }

  @Test
  void aCappedResultMayHoldFewerRangesThanItCounts() {
    assertThat(result(10, 7, 3, List.of(new ByteRange(0, 2)), true).missingBytes()).isEqualTo(3);
  }

  private static AssemblyResult result(
      long length, long data, long missing, List<ByteRange> gaps, boolean capped) {
    return new AssemblyResult(
        length, data, missing, gaps, capped, 0, 0, List.of(), 0, 0, 0, 0, 0, 0);
  }
}
