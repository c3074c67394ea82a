package dev.ftprecon.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One capture per network fault (testdata/faults/, made from the real samples by the deterministic
 * FaultGenerator in common's tests). Each expected file was derived from the original file's bytes
 * and the ranges the generator dropped, cut or changed, and cross-checked there by a naive
 * in-memory reassembly; here the job must agree with it on every count.
 */
class FaultCapturesIT extends SparkTestBase {
  @TempDir static Path out;

  static Stream<String> behaviours() throws IOException {
    try (Stream<Path> files = Files.list(repoRoot().resolve("testdata/faults"))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".expected.json"))
          .map(n -> n.substring(0, n.length() - ".expected.json".length()))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("behaviours")
  void theJobReconstructsWhatTheGeneratorKnowsWasOnTheWire(String behaviour) throws Exception {
    JsonNode json =
        new ObjectMapper()
            .readTree(
                repoRoot().resolve("testdata/faults/" + behaviour + ".expected.json").toFile());
    List<String> captures = new ArrayList<>();
    json.get("captures").forEach(c -> captures.add(repoRoot().resolve(c.asText()).toString()));
    Collections.reverse(captures); // rotated files: any order must do
    Path o = out.resolve(behaviour);
    reconstruct(o, captures.toArray(String[]::new));

    JsonNode t = json.get("transfer");
    List<Row> rows =
        spark
            .read()
            .parquet(o.resolve("index/transfers").toString())
            .where("command = '" + t.get("command").asText() + "'")
            .collectAsList();
    assertThat(rows).hasSize(1);
    Row row = rows.get(0);
    JsonNode e = json.get("expected");
    assertThat(row.<String>getAs("status")).isEqualTo(e.get("status").asText());
    assertThat(row.<Long>getAs("bytes")).isEqualTo(e.get("bytes").asLong());
    assertThat(row.<String>getAs("sha256")).isEqualTo(e.get("sha256").asText());
    assertThat(Hashes.sha256(o.resolve(row.<String>getAs("file"))))
        .isEqualTo(e.get("sha256").asText());
    assertThat(row.<Long>getAs("missing_bytes")).isEqualTo(e.get("missing_bytes").asLong());
    assertThat(ranges(row, "gaps")).isEqualTo(ranges(e.get("gaps")));
    assertThat(row.<Long>getAs("conflict_bytes")).isEqualTo(e.get("conflict_bytes").asLong());
    assertThat(ranges(row, "conflicts")).isEqualTo(ranges(e.get("conflict_ranges")));
    // Every capture given holds part of the session or of the transfer (rotated files: all three).
    List<String> used = new ArrayList<>(names(row, "captures"));
    for (Row session :
        spark.read().parquet(o.resolve("index/sessions").toString()).collectAsList()) {
      used.addAll(names(session, "captures"));
    }
    List<String> given = new ArrayList<>();
    json.get("captures").forEach(c -> given.add(Path.of(c.asText()).getFileName().toString()));
    assertThat(used).containsAll(given);
    assertThat(given).containsAll(used);
  }

  private static List<String> names(Row row, String column) {
    List<String> names = new ArrayList<>();
    row.getList(row.fieldIndex(column))
        .forEach(c -> names.add(Path.of(c.toString()).getFileName().toString()));
    return names;
  }

  private static List<String> ranges(Row row, String column) {
    List<String> list = new ArrayList<>();
    for (Object r : row.getList(row.fieldIndex(column))) {
      Row range = (Row) r;
      list.add("[" + range.getLong(0) + "," + range.getLong(1) + ")");
    }
    return list;
  }

  private static List<String> ranges(JsonNode array) {
    List<String> list = new ArrayList<>();
    array.forEach(r -> list.add("[" + r.get(0).asLong() + "," + r.get(1).asLong() + ")"));
    return list;
  }
}
