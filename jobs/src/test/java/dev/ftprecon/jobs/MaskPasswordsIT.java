package dev.ftprecon.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --mask-passwords hides the PASS argument in both tables where it would appear. */
class MaskPasswordsIT extends SparkTestBase {
  @TempDir Path out;

  @Test
  void maskedRunsShowNoPasswordInSessionsOrCommands() throws Exception {
    String capture = repoRoot().resolve("samples/pasv-download-ipv4-pureftpd-curl.pcap").toString();
    new FtpReconstructJob(
            spark,
            ReconstructOptions.parse(
                new String[] {"--mask-passwords", "-o", out.toString(), capture}))
        .run();
    List<Row> sessions =
        spark.read().parquet(out.resolve("index/sessions").toString()).collectAsList();
    assertThat(sessions).hasSize(1);
    // testdata/expected/pasv-download-ipv4-pureftpd-curl.pcap.json: user alice, password wonderland
    assertThat(sessions.get(0).<String>getAs("user")).isEqualTo("alice");
    assertThat(sessions.get(0).<String>getAs("password")).isEqualTo(ReconstructOptions.MASKED);
    List<Row> pass =
        spark
            .read()
            .parquet(out.resolve("index/commands").toString())
            .where("command = 'PASS'")
            .collectAsList();
    assertThat(pass).isNotEmpty();
    assertThat(pass).allSatisfy(r -> assertThat(r.<String>getAs("arg")).isEqualTo("********"));
  }
}
