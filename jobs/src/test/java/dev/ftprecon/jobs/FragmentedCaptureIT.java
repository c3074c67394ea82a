package dev.ftprecon.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An FTP download whose every data segment the Linux kernel cut into three IPv4 fragments (a router
 * with {@code mtu lock 576}, sender without DF; {@code scripts/make-fragment-capture.sh}). The
 * reconstructed file must equal the file the server sent, whose sha256 the script recorded in
 * {@code testdata/fragments/ip-fragments.sha256}; fragment payloads have no single place in the
 * capture, so they travel inline through the job.
 */
class FragmentedCaptureIT extends SparkTestBase {
  private static final Path CAPTURE = repoRoot().resolve("testdata/fragments/ip-fragments.pcap");
  private static final Path SHA256 = repoRoot().resolve("testdata/fragments/ip-fragments.sha256");

  @TempDir static Path out;
  private static List<Row> transfers;

  @BeforeAll
  static void reconstructFragmentedCapture() throws Exception {
    reconstruct(out, CAPTURE.toString());
    transfers = spark.read().parquet(out.resolve("index/transfers").toString()).collectAsList();
  }

  @Test
  void theDownloadCutIntoFragmentsIsReconstructedByteExact() throws Exception {
    String expected =
        Files.readAllLines(SHA256).stream()
            .filter(line -> line.endsWith("fragmented-ipv4.bin"))
            .map(line -> line.split("\\s+")[0])
            .findFirst()
            .orElseThrow();
    assertThat(transfers).hasSize(1);
    Row transfer = transfers.get(0);
    assertThat(transfer.<String>getAs("status")).isEqualTo("complete");
    assertThat(transfer.<Long>getAs("bytes")).isEqualTo(60_000L);
    assertThat(transfer.<String>getAs("sha256")).isEqualTo(expected);
    assertThat(Hashes.sha256(out.resolve(transfer.<String>getAs("file")))).isEqualTo(expected);
  }
}
