package dev.ftprecon.jobs.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ftprecon.jobs.input.CaptureFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Which captures a run reads, and what it keeps of the index already in OUT.
 *
 * <p>A capture counts as indexed when OUT/state/incremental.json lists it with the same path, size
 * and modification time (cheap to check on any Hadoop file system; a file rewritten in place with
 * the same size in the same millisecond would be missed). With {@code --incremental} only the
 * others are read, plus the captures that hold a session still open at the end of the previous run:
 * a PASV or PORT announced but not yet connected, a transfer still waiting for its final reply, or
 * a control connection without an answered QUIT whose last packet lies within {@link
 * #CARRY_WINDOW_NANOS} of the newest packet indexed. Reading those again (rather than saving the
 * trackers' state) lets the control stream, the data connection and the expectation between them be
 * rebuilt exactly as a one-shot run over all files would; their sessions' old rows are replaced.
 * Sessions and transfers spread over several captures pull all of them in (a closure over the
 * sessions' and transfers' capture lists).
 */
public final class IncrementalPlan {
  public static final String STATE_DIR = "state";
  public static final String STATE_FILE = "incremental.json";

  /**
   * 15 minutes of capture time: pure-ftpd's default idle timeout (vsftpd's is 5). A control
   * connection quiet for longer than that is taken as over even without QUIT.
   */
  public static final long CARRY_WINDOW_NANOS = 15L * 60 * 1_000_000_000L;

  private final List<CaptureFile> files;
  private final PreviousIndex previous;
  private final int newCaptures;
  private final Map<String, long[]> ingested;

  private IncrementalPlan(
      List<CaptureFile> files,
      PreviousIndex previous,
      int newCaptures,
      Map<String, long[]> ingested) {
    this.files = files;
    this.previous = previous;
    this.newCaptures = newCaptures;
    this.ingested = ingested;
  }

  /** The captures this run reads (ids renumbered from 0). Empty: nothing new to index. */
  public List<CaptureFile> files() {
    return files;
  }

  public PreviousIndex previous() {
    return previous;
  }

  /** Captures not indexed before (new or changed). */
  public int newCaptures() {
    return newCaptures;
  }

  public static IncrementalPlan make(
      SparkSession spark, String output, List<CaptureFile> inputs, boolean incremental)
      throws IOException {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Path out = new Path(output);
    FileSystem fs = out.getFileSystem(conf);
    Path state = new Path(new Path(out, STATE_DIR), STATE_FILE);
    boolean committed = fs.exists(new Path(out, OutputDirectory.SUCCESS)) && fs.exists(state);
    if (!incremental || !committed) {
      return new IncrementalPlan(inputs, PreviousIndex.none(), inputs.size(), new TreeMap<>());
    }
    JsonNode json;
    try (InputStream in = fs.open(state)) {
      json = new ObjectMapper().readTree(in);
    }
    Map<String, long[]> ingested = new TreeMap<>();
    json.get("ingested")
        .forEach(
            c ->
                ingested.put(
                    c.get("path").asText(),
                    new long[] {c.get("bytes").asLong(), c.get("modified").asLong()}));
    Set<String> reread = new TreeSet<>();
    json.get("open").forEach(p -> reread.add(p.asText()));
    List<CaptureFile> fresh = new ArrayList<>();
    for (CaptureFile f : inputs) {
      long[] before = ingested.get(f.path());
      if (before == null || before[0] != f.length() || before[1] != modified(conf, f.path())) {
        fresh.add(f);
        if (before != null) {
          reread.add(f.path()); // changed since: its old rows go
        }
      }
    }
    if (fresh.isEmpty()) {
      return new IncrementalPlan(List.of(), PreviousIndex.none(), 0, ingested);
    }
    String committedOut = fs.makeQualified(out).toString();
    Set<String> redone = new HashSet<>();
    closure(spark, committedOut, reread, redone);
    TreeMap<String, Long> read = new TreeMap<>();
    fresh.forEach(f -> read.put(f.path(), f.length()));
    for (String p : reread) {
      if (!read.containsKey(p)) {
        Path path = new Path(p);
        FileSystem pfs = path.getFileSystem(conf);
        if (!pfs.exists(path)) {
          throw new IOException(
              "--incremental: " + p + " holds a session the index has open, but is gone");
        }
        read.put(p, pfs.getFileStatus(path).getLen());
      }
    }
    List<CaptureFile> files = new ArrayList<>();
    read.forEach((p, len) -> files.add(new CaptureFile(files.size(), p, len)));
    return new IncrementalPlan(
        files, PreviousIndex.of(committedOut, reread, redone), fresh.size(), ingested);
  }

  /**
   * Grows {@code captures} until no session of the committed index touches it without lying in it
   * whole (its control captures and its transfers' data captures), and names those sessions.
   */
  private static void closure(
      SparkSession spark, String output, Set<String> captures, Set<String> sessions) {
    Map<String, Set<String>> footprints = footprints(spark, output);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Map.Entry<String, Set<String>> s : footprints.entrySet()) {
        if (!sessions.contains(s.getKey())
            && !java.util.Collections.disjoint(s.getValue(), captures)) {
          sessions.add(s.getKey());
          grew |= captures.addAll(s.getValue());
        }
      }
    }
  }

  /** session id to the captures its control connection and its transfers' data came from. */
  private static Map<String, Set<String>> footprints(SparkSession spark, String output) {
    Map<String, Set<String>> footprints = new HashMap<>();
    for (String table : new String[] {IndexWriter.SESSIONS, IndexWriter.TRANSFERS}) {
      List<Row> rows =
          spark
              .read()
              .parquet(IndexWriter.tablePath(output, table))
              .selectExpr("session_id", "captures")
              .collectAsList();
      for (Row r : rows) {
        footprints
            .computeIfAbsent(r.getString(0), k -> new TreeSet<>())
            .addAll(r.<String>getList(1));
      }
    }
    return footprints;
  }

  /**
   * Writes OUT/state/incremental.json into {@code staging}: every capture indexed so far, and
   * {@code openCaptures}, those of sessions still open in the index just written ({@link
   * OpenSessions}).
   */
  public void writeState(
      Configuration conf, String staging, List<CaptureFile> read, Set<String> openCaptures)
      throws IOException {
    Map<String, long[]> all = new TreeMap<>(ingested);
    for (CaptureFile f : read) {
      all.put(f.path(), new long[] {f.length(), modified(conf, f.path())});
    }
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("carry_window_seconds", CARRY_WINDOW_NANOS / 1_000_000_000L);
    ArrayNode list = root.putArray("ingested");
    all.forEach((p, v) -> list.addObject().put("path", p).put("bytes", v[0]).put("modified", v[1]));
    ArrayNode open = root.putArray("open");
    new TreeSet<>(openCaptures).forEach(open::add);
    Path state = new Path(new Path(staging, STATE_DIR), STATE_FILE);
    try (OutputStream o = state.getFileSystem(conf).create(state, true)) {
      o.write((mapper.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  private static long modified(Configuration conf, String path) throws IOException {
    Path p = new Path(path);
    FileStatus status = p.getFileSystem(conf).getFileStatus(p);
    return status.getModificationTime();
  }
}
