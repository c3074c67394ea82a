package dev.ftprecon.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftprecon.jobs.sql.IndexViews;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --incremental on a growing archive: testdata/faults/rotate.pcap0..2 (one session rotated into
 * three files: the control connection starts in the first, the data connection spans the second and
 * third) arrive one by one, each followed by a run. The final index must equal a one-shot run over
 * the three files, and the file must be the original (rotate.expected.json).
 */
class IncrementalIT extends SparkTestBase {
  @TempDir static Path archive;
  @TempDir static Path out;

  @Test
  void rotatedFilesIngestedOneByOneGiveTheOneShotIndex() throws Exception {
    JsonNode expected =
        new ObjectMapper()
            .readTree(repoRoot().resolve("testdata/faults/rotate.expected.json").toFile());
    Path incremental = out.resolve("incremental");
    for (int i = 0; i < 3; i++) {
      arrive("rotate.pcap" + i);
      incremental(incremental);
      JsonNode manifest = manifest(incremental);
      // Each run reads the new file and the earlier ones whose session is still open.
      assertThat(manifest.get("inputs")).as("run " + i).hasSize(i + 1);
    }
    Path oneShot = out.resolve("one-shot");
    reconstruct(oneShot, archive.toString());

    for (String table : IndexViews.TABLES) {
      assertThat(table(incremental, table)).as(table).isEqualTo(table(oneShot, table));
    }
    Row t = spark.read().parquet(incremental.resolve("index/transfers").toString()).first();
    assertThat(t.<String>getAs("status"))
        .isEqualTo(expected.get("expected").get("status").asText());
    assertThat(Hashes.sha256(incremental.resolve(t.<String>getAs("file"))))
        .isEqualTo(expected.get("expected").get("sha256").asText());

    // Nothing new: nothing read, the index stays as it was.
    JobSummary idle = incremental(incremental);
    assertThat(idle.captures()).isZero();
    assertThat(table(incremental, "transfers")).isEqualTo(table(oneShot, "transfers"));

    // An unrelated capture arrives: only it is read (the rotated session was closed by QUIT).
    arrive("../../samples/pasv-download-ipv4-pureftpd-curl.pcap");
    incremental(incremental);
    assertThat(manifest(incremental).get("inputs")).hasSize(1);
    assertThat(manifest(incremental).get("inputs").get(0).get("path").asText())
        .endsWith("pasv-download-ipv4-pureftpd-curl.pcap");
    Path oneShotAll = out.resolve("one-shot-all");
    reconstruct(oneShotAll, archive.toString());
    for (String table : IndexViews.TABLES) {
      assertThat(table(incremental, table)).as(table).isEqualTo(table(oneShotAll, table));
    }
    try (Stream<Path> files = Files.list(incremental.resolve("files"))) {
      assertThat(files.count()).isEqualTo(2);
    }
  }

  private static void arrive(String name) throws Exception {
    Path source = repoRoot().resolve("testdata/faults").resolve(name).normalize();
    Files.copy(source, archive.resolve(source.getFileName()));
  }

  private static JobSummary incremental(Path output) throws Exception {
    String[] args = {"--incremental", "-o", output.toString(), archive.toString()};
    return new FtpReconstructJob(spark, ReconstructOptions.parse(args)).run();
  }

  private static JsonNode manifest(Path output) throws Exception {
    return new ObjectMapper().readTree(output.resolve("run-manifest.json").toFile());
  }

  /** Every row of a table as text, sorted: equal tables give equal lists. */
  private static List<String> table(Path output, String table) {
    List<String> rows = new ArrayList<>();
    for (Row r :
        spark.read().parquet(output.resolve("index/" + table).toString()).collectAsList()) {
      rows.add(text(r));
    }
    rows.sort(null);
    return rows;
  }

  private static String text(Object value) {
    if (value instanceof Row r) {
      List<String> fields = new ArrayList<>();
      for (int i = 0; i < r.length(); i++) {
        fields.add(r.schema().fieldNames()[i] + "=" + text(r.get(i)));
      }
      return fields.toString();
    }
    if (value instanceof scala.collection.Iterable<?> it) {
      List<String> items = new ArrayList<>();
      scala.jdk.javaapi.CollectionConverters.asJava(it).forEach(x -> items.add(text(x)));
      return items.toString();
    }
    if (value instanceof byte[] b) {
      return java.util.HexFormat.of().formatHex(b);
    }
    if (value instanceof Object[] a) {
      return Arrays.toString(a);
    }
    return String.valueOf(value);
  }
}
