package dev.ftprecon.jobs.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriverCaptureHashingTest {
  @TempDir Path dir;

  @Test
  void hashesEveryFileWholeAsSha256sumDoesAndReportsAMissingOneAsAnError() throws Exception {
    Path a = write("a.pcap", 3 << 20, 1);
    Path b = write("b.pcap", 17, 2);
    Path missing = dir.resolve("gone.pcap");
    List<CaptureFile> files =
        List.of(
            new CaptureFile(0, a.toUri().toString(), Files.size(a)),
            new CaptureFile(1, missing.toUri().toString(), 100),
            new CaptureFile(2, b.toUri().toString(), Files.size(b)));

    List<FileHash> hashes =
        DriverCaptureHashing.start(files, new Configuration()).get(60, TimeUnit.SECONDS);

    assertThat(hashes).extracting(FileHash::fileId).containsExactly(0, 1, 2);
    assertThat(hashes.get(0).sha256()).isEqualTo(sha256sum(a));
    assertThat(hashes.get(2).sha256()).isEqualTo(sha256sum(b));
    assertThat(hashes.get(1).sha256()).isNull();
    assertThat(hashes.get(1).error()).contains("gone.pcap");
  }

  @Test
  void cancellingStopsTheThreadBeforeItHasReadEverything() throws Exception {
    // Enough files that hashing them all takes a minute; cancelled while it reads, it must end.
    Path big = write("big.pcap", 64 << 20, 3);
    List<CaptureFile> files = new java.util.ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      files.add(new CaptureFile(i, big.toUri().toString(), Files.size(big)));
    }
    Future<List<FileHash>> hashing = DriverCaptureHashing.start(files, new Configuration());
    long started = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!hashingThreadIsReading() && System.nanoTime() < started) {
      Thread.sleep(1);
    }
    assertThat(hashingThreadIsReading()).as("hashing thread reading a file").isTrue();
    assertThat(hashing.cancel(true)).isTrue();
    assertThatThrownBy(hashing::get).isInstanceOf(CancellationException.class);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (hashingThreadAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(hashingThreadAlive()).as("hashing thread still running").isFalse();
  }

  private static boolean hashingThreadIsReading() {
    return Thread.getAllStackTraces().entrySet().stream()
        .anyMatch(
            e ->
                e.getKey().getName().equals(DriverCaptureHashing.THREAD_NAME)
                    && Arrays.stream(e.getValue())
                        .anyMatch(f -> f.getClassName().equals(FileHasher.class.getName())));
  }

  private static boolean hashingThreadAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals(DriverCaptureHashing.THREAD_NAME) && t.isAlive());
  }

  private Path write(String name, int size, long seed) throws IOException {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return Files.write(dir.resolve(name), bytes);
  }

  /** The sha256 as coreutils' sha256sum computes it: an independent check of ours. */
  private static String sha256sum(Path file) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("sha256sum", file.toString()).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).isZero();
    String hex = out.substring(0, 64);
    HexFormat.of().parseHex(hex);
    return hex;
  }
}
