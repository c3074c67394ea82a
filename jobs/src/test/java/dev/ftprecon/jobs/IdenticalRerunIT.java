package dev.ftprecon.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same inputs twice, into two output directories: identical index rows in every table and
 * byte-identical files, so ids are deterministic. Inputs: every sample, every fault capture and the
 * hostile-names capture (many sessions, interleaved copies, rotated files, damaged ones).
 *
 * <p>Run-specific and so not compared: only OUT/run-manifest.json (it names the output directory
 * and the run's start time) and Spark's own part-file names. No index column is run-specific: input
 * paths are the same in both runs, and every time comes from the captures.
 */
class IdenticalRerunIT extends SparkTestBase {
  private static final List<String> TABLES =
      List.of("transfers", "sessions", "commands", "captures");

  @TempDir static Path first;
  @TempDir static Path second;

  @BeforeAll
  static void runTwice() throws Exception {
    String[] inputs = {
      repoRoot().resolve("samples").toString(),
      repoRoot().resolve("testdata/faults").toString(),
      repoRoot().resolve("testdata/hostile").toString()
    };
    reconstruct(first, inputs);
    reconstruct(second, inputs);
  }

  @Test
  void everyTableHasTheSameRowsInBothRuns() {
    for (String table : TABLES) {
      List<String> a = rows(first, table);
      List<String> b = rows(second, table);
      assertThat(a).as("%s rows", table).isNotEmpty();
      assertThat(b).as("table %s of the second run", table).containsExactlyElementsOf(a);
    }
  }

  @Test
  void everyFileIsByteIdenticalInBothRuns() throws Exception {
    Map<String, byte[]> a = files(first);
    Map<String, byte[]> b = files(second);
    assertThat(a).isNotEmpty();
    assertThat(b.keySet()).containsExactlyElementsOf(a.keySet());
    for (String name : a.keySet()) {
      assertThat(b.get(name)).as(name).isEqualTo(a.get(name));
    }
  }

  @Test
  void transferIdsAreUniqueAndTheSameInBothRuns() {
    List<String> a = column(first, "transfers", "transfer_id");
    assertThat(a).doesNotHaveDuplicates().hasSizeGreaterThan(30);
    assertThat(column(second, "transfers", "transfer_id")).containsExactlyElementsOf(a);
    assertThat(column(second, "sessions", "session_id"))
        .containsExactlyElementsOf(column(first, "sessions", "session_id"));
  }

  /** Every row as text (binary columns as hex via Spark's own rendering), sorted. */
  private static List<String> rows(Path out, String table) {
    Dataset<Row> df = spark.read().parquet(out.resolve("index").resolve(table).toString());
    List<String> rows = new ArrayList<>(df.toJSON().collectAsList());
    rows.sort(null);
    return rows;
  }

  private static List<String> column(Path out, String table, String column) {
    return spark
        .read()
        .parquet(out.resolve("index").resolve(table).toString())
        .select(column)
        .collectAsList()
        .stream()
        .map(r -> r.getString(0))
        .sorted()
        .toList();
  }

  private static Map<String, byte[]> files(Path out) throws Exception {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(out.resolve("files"))) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        files.put(out.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }
}
