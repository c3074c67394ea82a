package dev.ftprecon.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class CaptureInputTest {

  /** Bytes whose value is their offset modulo 251, so any misplaced window shows. */
  private static byte[] numbered(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (i % 251);
    }
    return bytes;
  }

  @Test
  void tracksTheAbsolutePositionAcrossRefillsAndGrowth() throws Exception {
    int length = 3 * CaptureInput.INITIAL_BUFFER_BYTES;
    CaptureInput input = new CaptureInput(new ByteArrayInputStream(numbered(length)), length);

    input.consume(input.fill(10));
    assertThat(input.skip(CaptureInput.INITIAL_BUFFER_BYTES))
        .isEqualTo(CaptureInput.INITIAL_BUFFER_BYTES);
    long position = input.position();
    assertThat(position).isEqualTo(10 + CaptureInput.INITIAL_BUFFER_BYTES);
    // A window larger than the initial buffer forces growth; its first byte is still right.
    assertThat(input.fill(CaptureInput.INITIAL_BUFFER_BYTES + 100))
        .isEqualTo(CaptureInput.INITIAL_BUFFER_BYTES + 100);
    assertThat(input.array()[input.index()]).isEqualTo((byte) (position % 251));
    assertThat(input.array().length).isLessThanOrEqualTo(length);
  }

  @Test
  void reportsHowMuchWasAvailableAtTheEndOfTheStream() throws Exception {
    CaptureInput input = new CaptureInput(new ByteArrayInputStream(numbered(5)), 100);

    assertThat(input.fill(8)).isEqualTo(5);
    assertThat(input.skip(20)).isEqualTo(5);
    assertThat(input.position()).isEqualTo(5);
    assertThat(input.fill(1)).isZero();
  }

  @Test
  void refusesAWindowAboveItsCap() {
    CaptureInput input = new CaptureInput(new ByteArrayInputStream(numbered(5)), 100);

    assertThatThrownBy(() -> input.fill(101))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("window of 101 bytes requested (expected: 0..100)");
  }

  @Test
  void neverGrowsPastItsCap() throws Exception {
    CaptureInput input = new CaptureInput(new ByteArrayInputStream(numbered(200_000)), 100_000);

    assertThat(input.fill(100_000)).isEqualTo(100_000);
    input.consume(1);
    assertThat(input.fill(100_000)).isEqualTo(100_000);
    assertThat(input.array().length).isEqualTo(100_000);
    assertThat(input.array()[input.index()]).isEqualTo((byte) 1);
  }
}
