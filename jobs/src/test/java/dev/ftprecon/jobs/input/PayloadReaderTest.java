package dev.ftprecon.jobs.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayloadReaderTest {
  @TempDir Path dir;

  @Test
  void slicesAndCopiesHoldTheFileBytesAtEveryPositionAcrossWindowMoves() throws IOException {
    byte[] content = new byte[5 << 20];
    new Random(7).nextBytes(content);
    Path file = Files.write(dir.resolve("capture.pcap"), content);
    Random random = new Random(8);
    try (PayloadReader reader =
        new PayloadReader(new Configuration(), List.of(file.toUri().toString()))) {
      // Dense rising reads (a large transfer), then jumps back and forth (many small ones).
      long position = 24;
      for (int i = 0; i < 4000; i++) {
        int len = 1 + random.nextInt(1500);
        if (i > 3000) {
          position = random.nextInt(content.length - len);
        } else if (position + len > content.length) {
          break;
        }
        PayloadReader.Slice slice = reader.slice(0, position, len);
        assertThat(Arrays.copyOfRange(slice.bytes(), slice.offset(), slice.offset() + len))
            .as("slice of %d bytes at %d", len, position)
            .isEqualTo(Arrays.copyOfRange(content, (int) position, (int) position + len));
        byte[] copy = new byte[len];
        reader.read(0, position, copy, len);
        assertThat(copy)
            .isEqualTo(Arrays.copyOfRange(content, (int) position, (int) position + len));
        position += len + 78;
      }
      assertThat(reader.reads()).isLessThan(1500);
    }
  }

  @Test
  void aPayloadPastTheEndOfTheFileIsAnEofNamingTheNumbers() throws IOException {
    Path file = Files.write(dir.resolve("short.pcap"), new byte[100]);
    try (PayloadReader reader =
        new PayloadReader(new Configuration(), List.of(file.toUri().toString()))) {
      assertThatThrownBy(() -> reader.slice(0, 90, 20))
          .isInstanceOf(EOFException.class)
          .hasMessage("payload at 90 of 20 bytes ends past the file (100)");
    }
  }
}
