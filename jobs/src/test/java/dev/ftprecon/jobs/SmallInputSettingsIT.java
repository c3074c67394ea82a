package dev.ftprecon.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ftprecon.jobs.input.CaptureFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs over a few MB of captures interpret Spark SQL (no code generation); larger runs, and a
 * setting the user gave, are left alone; the session is as it was once the run is over.
 */
class SmallInputSettingsIT extends SparkTestBase {
  private static final String WHOLE_STAGE = "spark.sql.codegen.wholeStage";
  private static final String FACTORY_MODE = "spark.sql.codegen.factoryMode";

  @TempDir static Path out;

  @Test
  void theSampleCapturesAreASmallRunAndItsSettingsAreUndoneAfterwards() throws Exception {
    SmallInputSettings small = SmallInputSettings.apply(spark, samples());
    assertThat(spark.conf().get(WHOLE_STAGE)).isEqualTo("false");
    assertThat(spark.conf().get(FACTORY_MODE)).isEqualTo("NO_CODEGEN");
    small.restore();
    assertThat(spark.conf().contains(WHOLE_STAGE)).isFalse();
    assertThat(spark.conf().contains(FACTORY_MODE)).isFalse();
  }

  @Test
  void moreThan32MiBOfCapturesKeepCodeGeneration() {
    // 20 + 13 MiB: only the lengths take part in the decision.
    List<CaptureFile> files =
        List.of(new CaptureFile(0, "a.pcap", 20L << 20), new CaptureFile(1, "b.pcap", 13L << 20));
    assertThat(SmallInputSettings.apply(spark, files).applied()).isEmpty();
    assertThat(spark.conf().contains(WHOLE_STAGE)).isFalse();
  }

  @Test
  void aValueTheUserGaveWins() throws Exception {
    spark.conf().set(WHOLE_STAGE, "true");
    try {
      SmallInputSettings small = SmallInputSettings.apply(spark, samples());
      assertThat(small.applied()).containsOnlyKeys(FACTORY_MODE);
      assertThat(spark.conf().get(WHOLE_STAGE)).isEqualTo("true");
      small.restore();
      assertThat(spark.conf().get(WHOLE_STAGE)).isEqualTo("true");
      assertThat(spark.conf().contains(FACTORY_MODE)).isFalse();
    } finally {
      spark.conf().unset(WHOLE_STAGE);
    }
  }

  @Test
  void aRunLeavesTheSessionAsItFoundIt() throws Exception {
    JobSummary summary =
        reconstruct(
            out, repoRoot().resolve("samples/pasv-download-ipv4-pureftpd-curl.pcap").toString());
    assertThat(summary.transfers()).isPositive();
    assertThat(spark.conf().contains(WHOLE_STAGE)).isFalse();
    assertThat(spark.conf().contains(FACTORY_MODE)).isFalse();
  }

  @Test
  void aFailedRunLeavesTheSessionAsItFoundItToo(@TempDir Path tmp) throws Exception {
    // OUT is a regular file: no output directory can be made under it, and the run fails.
    Path notADirectory = Files.writeString(tmp.resolve("out"), "a file");
    String sample = repoRoot().resolve("samples/pasv-download-ipv4-pureftpd-curl.pcap").toString();

    assertThatThrownBy(() -> reconstruct(notADirectory, sample)).isNotNull();
    assertThat(spark.conf().contains(WHOLE_STAGE)).isFalse();
    assertThat(spark.conf().contains(FACTORY_MODE)).isFalse();
  }

  private static List<CaptureFile> samples() throws Exception {
    List<CaptureFile> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(repoRoot().resolve("samples"))) {
      for (Path p : list.filter(f -> f.toString().endsWith(".pcap")).sorted().toList()) {
        files.add(new CaptureFile(files.size(), p.toString(), Files.size(p)));
      }
    }
    assertThat(files).isNotEmpty();
    return files;
  }
}
