package dev.ftprecon.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * Everything a run wrote that must not depend on how the captures were split: the rows of the four
 * index tables (as sorted text) and the sha256 of every reconstructed file.
 */
record IndexSnapshot(Map<String, List<String>> tables, Map<String, String> files) {
  static final List<String> TABLES = List.of("transfers", "sessions", "commands", "captures");

  static IndexSnapshot of(SparkSession spark, Path out) throws IOException {
    Map<String, List<String>> tables = new TreeMap<>();
    for (String table : TABLES) {
      // JSON, not Row.toString(): binary columns (transfers.path_bytes) print as base64 there
      // rather than as array identities.
      List<String> rows =
          new ArrayList<>(
              spark
                  .read()
                  .parquet(out.resolve("index").resolve(table).toString())
                  .toJSON()
                  .collectAsList());
      rows.sort(null);
      tables.put(table, rows);
    }
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> written = Files.list(out.resolve("files"))) {
      for (Path f : written.toList()) {
        files.put(f.getFileName().toString(), Hashes.sha256(f));
      }
    }
    return new IndexSnapshot(tables, files);
  }
}
