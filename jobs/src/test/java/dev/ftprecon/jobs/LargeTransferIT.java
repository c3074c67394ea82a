package dev.ftprecon.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftprecon.bench.SyntheticCapture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory per transfer is bounded: one large download whose sequence numbers wrap past 2^32 is
 * reconstructed byte-exact by the launcher in a JVM of 1 GiB (driver and local executors share it).
 * The file is generated on the fly; its sha256 comes from the generator's own byte stream. 300 MiB
 * here; {@code mvn verify -Plarge} runs 6 GiB ({@code -Dftprecon.large.bytes=6g}).
 */
class LargeTransferIT {
  @TempDir Path tmp;

  @Test
  void aTransferLargerThanTheHeapWithSequenceWraparoundIsExactInOneGibibyte() throws Exception {
    long size = SyntheticCapture.size(System.getProperty("ftprecon.large.bytes", "300m"));
    Path pcap = tmp.resolve("large.pcap");
    // ISN 1 MiB below 2^32: the sequence space wraps early, and again every 4 GiB.
    SyntheticCapture.Result capture =
        SyntheticCapture.write(pcap, size, (1L << 32) - (1 << 20), 0, 0, 0, 7);
    Map.Entry<String, String> file = capture.files().entrySet().iterator().next();
    String[] sha256AndSize = file.getValue().split(" ");

    Path out = tmp.resolve("out");
    Path stderr = tmp.resolve("stderr");
    ProcessBuilder launcher =
        new ProcessBuilder(
                SparkTestBase.repoRoot().resolve("bin/ftp-reconstruct").toString(),
                "--master",
                "local[2]",
                "-o",
                out.toString(),
                pcap.toString())
            .directory(SparkTestBase.repoRoot().toFile())
            .redirectOutput(tmp.resolve("stdout").toFile())
            .redirectError(stderr.toFile());
    launcher.environment().put("FTPRECON_JAVA_OPTS", "-Xmx1g");
    Process p = launcher.start();
    assertThat(p.waitFor(30, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(stderr, StandardCharsets.UTF_8)).isZero();

    try (Stream<Path> files = Files.list(out.resolve("files"))) {
      List<Path> written = files.toList();
      assertThat(written).hasSize(1);
      Path reconstructed = written.get(0);
      assertThat(reconstructed.getFileName().toString()).endsWith(file.getKey());
      assertThat(Files.size(reconstructed)).isEqualTo(Long.parseLong(sha256AndSize[1]));
      assertThat(Hashes.sha256(reconstructed)).isEqualTo(sha256AndSize[0]);
    }
    deleteQuietly(pcap);
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // @TempDir removes it anyway
    }
  }
}
