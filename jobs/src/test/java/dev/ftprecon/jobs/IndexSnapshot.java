package dev.ftprecon.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
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
      List<String> rows = new ArrayList<>();
      for (Row r :
          spark.read().parquet(out.resolve("index").resolve(table).toString()).collectAsList()) {
        rows.add(text(r));
      }
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

  /** The row as text, binary columns (transfers.path_bytes) by their bytes, not their identity. */
  private static String text(Row r) {
    StringJoiner s = new StringJoiner(",", "[", "]");
    for (int i = 0; i < r.length(); i++) {
      Object v = r.get(i);
      s.add(v instanceof byte[] b ? "0x" + HexFormat.of().formatHex(b) : String.valueOf(v));
    }
    return s.toString();
  }
}
