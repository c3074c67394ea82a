package dev.ftprecon.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftprecon.jobs.index.IndexWriter;
import dev.ftprecon.jobs.index.OutputDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * What a run left in OUT, on any Hadoop file system, in a form two runs can be compared by: every
 * row of every index table as JSON (sorted, so that partitioning does not matter) and every file
 * under OUT/files with the sha256 of its bytes as read back. The only run-specific values are the
 * input paths (captures.path, sessions.captures, transfers.captures, first_record/last_record): the
 * qualified input root is replaced by {@code ${INPUT}}, so they are compared too, relative to it.
 */
record OutputSnapshot(Map<String, List<String>> tables, Map<String, String> files) {
  static final List<String> TABLES =
      List.of(
          IndexWriter.TRANSFERS, IndexWriter.SESSIONS, IndexWriter.COMMANDS, IndexWriter.CAPTURES);
  static final String INPUT = "${INPUT}";

  static OutputSnapshot read(SparkSession spark, String out, String inputRoot) throws IOException {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Path outPath = new Path(out);
    FileSystem fs = outPath.getFileSystem(conf);
    String root = fs.makeQualified(new Path(inputRoot)).toString();
    Map<String, List<String>> tables = new TreeMap<>();
    for (String table : TABLES) {
      List<String> rows = new ArrayList<>();
      for (String json :
          spark.read().parquet(IndexWriter.tablePath(out, table)).toJSON().collectAsList()) {
        rows.add(json.replace(root, INPUT));
      }
      rows.sort(null);
      tables.put(table, rows);
    }
    Map<String, String> files = new TreeMap<>();
    for (FileStatus f : fs.listStatus(new Path(outPath, OutputDirectory.FILES))) {
      files.put(f.getPath().getName(), sha256(fs, f.getPath()));
    }
    return new OutputSnapshot(tables, files);
  }

  /** Same rows in every table, same file names with the same bytes. */
  void assertSameAs(OutputSnapshot reference) {
    for (String table : TABLES) {
      assertThat(tables.get(table)).as(table + " rows").isEqualTo(reference.tables().get(table));
    }
    assertThat(files).as("OUT/files: name -> sha256").isEqualTo(reference.files());
  }

  int rows(String table) {
    return tables.get(table).size();
  }

  /**
   * Every file under OUT/files belongs to a transfer row and holds exactly the bytes the row's
   * sha256 names (no partial file of a killed task), and every row with a file has one.
   */
  void assertEveryFileIsWhatItsTransferRowSays() throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, String> announced = new TreeMap<>();
    for (String row : tables.get(IndexWriter.TRANSFERS)) {
      JsonNode t = json.readTree(row);
      if (t.hasNonNull("file")) {
        String name = t.get("file").asText();
        announced.put(name.substring(name.lastIndexOf('/') + 1), t.get("sha256").asText());
      }
    }
    assertThat(announced).isNotEmpty();
    assertThat(files).isEqualTo(announced);
  }

  static String sha256(FileSystem fs, Path file) throws IOException {
    try (InputStream in = fs.open(file)) {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        d.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
