package dev.ftprecon.jobs.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Direct writes in the project's own target/ folder, on the file system the job's output would be
 * on here (ext4 on the CI machines, which takes O_DIRECT): the file holds exactly the bytes
 * written, whatever the sizes of the writes and of the last partial block.
 */
class DirectFileOutputStreamTest {
  private static final int CHUNK = 64 << 10;

  private static Path freshFile(String name) throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "direct-io-test"));
    Path file = dir.resolve(name);
    Files.deleteIfExists(file);
    return file;
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 4095, 4096, 4097, CHUNK - 1, CHUNK, CHUNK + 1, 5 * CHUNK + 123})
  void theFileHoldsExactlyTheBytesWritten(int size) throws IOException {
    byte[] bytes = new byte[size];
    Random random = new Random(size);
    random.nextBytes(bytes);
    Path file = freshFile("size-" + size);
    Optional<OutputStream> opened = DirectFileOutputStream.open(file, CHUNK);
    assertThat(opened).as("O_DIRECT on " + Files.getFileStore(file.getParent()).type()).isPresent();
    try (OutputStream out = opened.get()) {
      int at = 0;
      while (at < size) {
        int n = Math.min(size - at, 1 + random.nextInt(3 * 4096));
        if (n == 1) {
          out.write(bytes[at]);
        } else {
          out.write(bytes, at, n);
        }
        at += n;
      }
    }
    assertThat(Files.size(file)).isEqualTo(size);
    assertThat(Arrays.equals(Files.readAllBytes(file), bytes)).isTrue();
  }

  @Test
  void anExistingFileIsReplaced() throws IOException {
    Path file = freshFile("replaced");
    Files.write(file, new byte[3 * CHUNK]);
    try (OutputStream out = DirectFileOutputStream.open(file, CHUNK).orElseThrow()) {
      out.write(new byte[] {1, 2, 3});
    }
    assertThat(Files.readAllBytes(file)).containsExactly(1, 2, 3);
  }

  @Test
  void aFileSystemWithoutDirectIoIsDeclinedNotFailed() throws IOException {
    // A folder that does not exist has no file store: open must decline, not throw.
    assertThat(DirectFileOutputStream.open(Path.of("target", "no-such-dir", "f"), CHUNK)).isEmpty();
  }
}
