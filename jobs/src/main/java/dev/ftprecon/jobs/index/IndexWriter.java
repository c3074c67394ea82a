package dev.ftprecon.jobs.index;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import dev.ftprecon.jobs.schema.CaptureSchema;
import dev.ftprecon.jobs.schema.CommandSchema;
import dev.ftprecon.jobs.schema.SessionSchema;
import dev.ftprecon.jobs.schema.TransferSchema;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Writes the index tables as Parquet under {@code OUT/index/<table>}. Transfers, sessions and
 * commands are partitioned by {@link #DATE} (the UTC day of their start time), so a query bounded
 * in time reads only the days it names. Rows kept from an earlier run ({@link PreviousIndex}, in
 * incremental mode) are written together with the new ones.
 */
public final class IndexWriter {
  public static final String TRANSFERS = "transfers";
  public static final String SESSIONS = "sessions";
  public static final String COMMANDS = "commands";
  public static final String CAPTURES = "captures";

  /** The partition column: a DATE, the UTC day of the row's start time (null when unknown). */
  public static final String DATE = "date";

  private final SparkSession spark;
  private final String output;
  private final PreviousIndex previous;

  public IndexWriter(SparkSession spark, String output) {
    this(spark, output, PreviousIndex.none());
  }

  public IndexWriter(SparkSession spark, String output, PreviousIndex previous) {
    this.spark = spark;
    this.output = output;
    this.previous = previous;
  }

  public static String tablePath(String output, String table) {
    return output.replaceAll("/+$", "") + "/index/" + table;
  }

  /**
   * The UTC day of a timestamp column. Spark's to_date would use the session time zone; days since
   * the epoch do not depend on it.
   */
  static org.apache.spark.sql.Column utcDay(String timestampColumn) {
    return expr(
        "date_from_unix_date(CAST(floor(unix_micros("
            + timestampColumn
            + ") / 86400000000) AS INT))");
  }

  /** What the index holds once written. */
  public record Written(List<Row> capturesRead, long sessions, Set<String> openCaptures) {}

  /**
   * Writes the four tables, each with as few Spark jobs as it can: transfers and captures are few
   * rows, sorted and written from the driver in one task; sessions and commands are spread by day.
   * The four writes run at once (Spark runs jobs from several driver threads), each into its own
   * directory, so the output does not depend on their order. Counts and the open sessions come from
   * what is written (observed metrics), not from reading it back.
   */
  /** The run's rows of a date-partitioned table with their UTC day, and the rows kept before. */
  private Dataset<Row> dated(String table, Dataset<Row> rows, String timeColumn) {
    return previous.kept(spark, table, rows.withColumn(DATE, utcDay(timeColumn)));
  }

  public Written write(
      List<Row> transferRows,
      JavaRDD<Row> sessionRows,
      JavaRDD<Row> commandRows,
      Supplier<List<Row>> captureRows)
      throws Exception {
    Dataset<Row> transfers =
        dated(TRANSFERS, spark.createDataFrame(transferRows, TransferSchema.SCHEMA), "start_time");
    List<Row> transferList = transfers.collectAsList(); // no Spark job unless rows are kept
    Dataset<Row> commands =
        dated(COMMANDS, spark.createDataFrame(commandRows, CommandSchema.SCHEMA), "time");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Future<?> transfersWritten =
          pool.submit(
              () ->
                  writeOneTask(
                      transferList, transfers.schema(), TRANSFERS, true, DATE, "start_time"));
      Future<Map<String, Object>> commandsWritten =
          pool.submit(
              () ->
                  writeByDay(
                      commands,
                      COMMANDS,
                      new Column[] {OpenSessions.rowCount(), OpenSessions.quitMetric()},
                      "session_id",
                      "seq"));
      // The captures rows may wait for the files' hashes: asked for once the writes above run.
      // Collected through a DataFrame so that they carry the schema (getAs by name).
      List<Row> read =
          spark.createDataFrame(captureRows.get(), CaptureSchema.SCHEMA).collectAsList();
      Dataset<Row> allCaptures =
          previous.kept(spark, CAPTURES, spark.createDataFrame(read, CaptureSchema.SCHEMA));
      List<Row> captureList = allCaptures.collectAsList();
      OpenSessions open = OpenSessions.of(captureList, transferList);
      Dataset<Row> sessions =
          dated(SESSIONS, spark.createDataFrame(sessionRows, SessionSchema.SCHEMA), "start_time");
      Future<?> capturesWritten =
          pool.submit(
              () -> writeOneTask(captureList, allCaptures.schema(), CAPTURES, false, "path"));
      Future<Map<String, Object>> sessionsWritten =
          pool.submit(
              () ->
                  writeByDay(
                      sessions, SESSIONS, open.sessionMetrics(), "start_time", "session_id"));
      Map<String, Object> sessionMetrics = done(sessionsWritten);
      Map<String, Object> commandMetrics = done(commandsWritten);
      done(transfersWritten);
      done(capturesWritten);
      return new Written(
          read,
          (Long) sessionMetrics.get(OpenSessions.ROWS),
          open.captures(
              OpenSessions.<Row>list(sessionMetrics.get(OpenSessions.CANDIDATES)),
              OpenSessions.<String>list(commandMetrics.get(OpenSessions.QUIT))));
    } finally {
      pool.shutdown();
    }
  }

  /** Waits for a write, and fails as it failed. */
  private static <T> T done(Future<T> write) throws Exception {
    try {
      return write.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /** Rows already on the driver: one task sorts and writes them (one file per day). */
  private Void writeOneTask(
      List<Row> list, StructType schema, String table, boolean byDay, String... order) {
    Dataset<Row> rows = spark.createDataFrame(list, schema);
    if (byDay && list.isEmpty()) {
      writeEmpty(rows, table);
      return null;
    }
    Dataset<Row> sorted = rows.coalesce(1).sortWithinPartitions(order[0], rest(order));
    (byDay ? sorted.write().partitionBy(DATE) : sorted.write())
        .mode(SaveMode.Overwrite)
        .parquet(tablePath(output, table));
    return null;
  }

  /**
   * Rows spread over the cluster: one file per day (the index is small next to the captures, and
   * few files read fast). Returns the {@code metrics} observed on the rows written.
   */
  private Map<String, Object> writeByDay(
      Dataset<Row> rows, String table, Column[] metrics, String... order)
      throws InterruptedException {
    Observation seen = new Observation(table + "_written");
    rows.repartition(col(DATE))
        .observe(seen, metrics[0], Arrays.copyOfRange(metrics, 1, metrics.length))
        .sortWithinPartitions(DATE, order)
        .write()
        .mode(SaveMode.Overwrite)
        .partitionBy(DATE)
        .parquet(tablePath(output, table));
    Map<String, Object> observed = seen.getAsJava();
    if ((Long) observed.get(OpenSessions.ROWS) == 0) {
      writeEmpty(rows, table);
    }
    return observed;
  }

  /**
   * No partition to write: one empty file keeps the schema (with date as a plain column) so that
   * the table can still be read and queried.
   */
  private void writeEmpty(Dataset<Row> rows, String table) {
    rows.coalesce(1).write().mode(SaveMode.Overwrite).parquet(tablePath(output, table));
  }

  private static String[] rest(String[] names) {
    return Arrays.copyOfRange(names, 1, names.length);
  }
}
