package dev.ftprecon.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftprecon.jobs.input.CaptureScan;
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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One capture per network fault (testdata/faults/, made from the real samples by the deterministic
 * FaultGenerator in common's tests). Each expected file was derived from the original file's bytes
 * and the ranges the generator dropped, cut or changed, and cross-checked there by a naive
 * in-memory reassembly; here the job must agree with it on every count, both when the data pass
 * replays the first pass's segment logs (the default) and when it reads the captures again (no log
 * budget).
 */
class FaultCapturesIT extends SparkTestBase {
  @TempDir static Path out;

  static Stream<Arguments> behaviours() throws IOException {
    try (Stream<Path> files = Files.list(repoRoot().resolve("testdata/faults"))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".expected.json"))
          .map(n -> n.substring(0, n.length() - ".expected.json".length()))
          .sorted()
          .flatMap(n -> Stream.of(Arguments.of(n, "replayed"), Arguments.of(n, "read again")))
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("behaviours")
  void theJobReconstructsWhatTheGeneratorKnowsWasOnTheWire(String behaviour, String dataPass)
      throws Exception {
    boolean replayed = dataPass.equals("replayed");
    JsonNode json =
        new ObjectMapper()
            .readTree(
                repoRoot().resolve("testdata/faults/" + behaviour + ".expected.json").toFile());
    List<String> captures = new ArrayList<>();
    json.get("captures").forEach(c -> captures.add(repoRoot().resolve(c.asText()).toString()));
    Collections.reverse(captures); // rotated files: any order must do
    Path o = out.resolve(behaviour + (replayed ? "" : "-read"));
    if (!replayed) {
      spark.conf().set(CaptureScan.MAX_LOG_BYTES, "0");
    }
    try {
      reconstruct(o, captures.toArray(String[]::new));
    } finally {
      spark.conf().unset(CaptureScan.MAX_LOG_BYTES);
    }

    List<Row> rows = spark.read().parquet(o.resolve("index/transfers").toString()).collectAsList();
    List<JsonNode[]> wanted = new ArrayList<>();
    if (json.has("transfers")) {
      json.get("transfers")
          .forEach(x -> wanted.add(new JsonNode[] {x.get("transfer"), x.get("expected")}));
    } else {
      wanted.add(new JsonNode[] {json.get("transfer"), json.get("expected")});
    }
    assertThat(rows).hasSize(wanted.size());
    for (JsonNode[] w : wanted) {
      checkTransfer(o, find(rows, w[0]), w[1]);
    }
    // Every capture given holds part of the session or of the transfer (rotated files: all three).
    List<String> used = new ArrayList<>();
    rows.forEach(r -> used.addAll(names(r, "captures")));
    for (Row session :
        spark.read().parquet(o.resolve("index/sessions").toString()).collectAsList()) {
      used.addAll(names(session, "captures"));
    }
    List<String> given = new ArrayList<>();
    json.get("captures").forEach(c -> given.add(Path.of(c.asText()).getFileName().toString()));
    assertThat(used).containsAll(given);
    assertThat(given).containsAll(used);
  }

  /** The row of the transfer whose data connection the generator wrote. */
  private static Row find(List<Row> rows, JsonNode transfer) {
    JsonNode dc = transfer.get("data_connection");
    List<Row> matching =
        rows.stream()
            .filter(r -> transfer.get("command").asText().equals(r.getAs("command")))
            .filter(
                r ->
                    dc == null
                        || (Integer.valueOf(dc.get("client_port").asInt())
                                .equals(r.getAs("data_client_port"))
                            && Integer.valueOf(dc.get("server_port").asInt())
                                .equals(r.getAs("data_server_port"))))
            .toList();
    assertThat(matching).as("transfer on " + dc).hasSize(1);
    return matching.get(0);
  }

  private static void checkTransfer(Path o, Row row, JsonNode e) throws IOException {
    assertThat(row.<String>getAs("status")).isEqualTo(e.get("status").asText());
    assertThat(row.<Long>getAs("bytes")).isEqualTo(e.get("bytes").asLong());
    assertThat(row.<String>getAs("sha256")).isEqualTo(e.get("sha256").asText());
    assertThat(Hashes.sha256(o.resolve(row.<String>getAs("file"))))
        .isEqualTo(e.get("sha256").asText());
    assertThat(row.<Long>getAs("missing_bytes")).isEqualTo(e.get("missing_bytes").asLong());
    assertThat(ranges(row, "gaps")).isEqualTo(ranges(e.get("gaps")));
    assertThat(row.<Long>getAs("conflict_bytes")).isEqualTo(e.get("conflict_bytes").asLong());
    assertThat(ranges(row, "conflicts")).isEqualTo(ranges(e.get("conflict_ranges")));
    if (e.has("announced_address_differs")) {
      assertThat(row.<Boolean>getAs("announced_address_differs"))
          .isEqualTo(e.get("announced_address_differs").asBoolean());
    }
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
