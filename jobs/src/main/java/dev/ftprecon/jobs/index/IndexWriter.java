package dev.ftprecon.jobs.index;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import dev.ftprecon.jobs.schema.CaptureSchema;
import dev.ftprecon.jobs.schema.CommandSchema;
import dev.ftprecon.jobs.schema.SessionSchema;
import dev.ftprecon.jobs.schema.TransferSchema;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

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
  private long sessionsWritten;

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

  public void writeTransfers(List<Row> rows) {
    Dataset<Row> transfers =
        spark.createDataFrame(rows, TransferSchema.SCHEMA).withColumn(DATE, utcDay("start_time"));
    writePartitioned(previous.kept(spark, TRANSFERS, transfers), TRANSFERS, "start_time");
  }

  public void writeSessions(JavaRDD<Row> rows) {
    Dataset<Row> sessions =
        spark.createDataFrame(rows, SessionSchema.SCHEMA).withColumn(DATE, utcDay("start_time"));
    writePartitioned(
        previous.kept(spark, SESSIONS, sessions), SESSIONS, "start_time", "session_id");
    sessionsWritten = spark.read().parquet(tablePath(output, SESSIONS)).count();
  }

  public void writeCommands(JavaRDD<Row> rows) {
    Dataset<Row> commands =
        spark.createDataFrame(rows, CommandSchema.SCHEMA).withColumn(DATE, utcDay("time"));
    writePartitioned(previous.kept(spark, COMMANDS, commands), COMMANDS, "session_id", "seq");
  }

  /**
   * Writes the captures table (one row per input file: few, not partitioned) and returns the rows
   * of the captures read in this run.
   */
  public List<Row> writeCaptures(Dataset<Row> captures) {
    Dataset<Row> fresh = captures.select(CaptureSchema.SCHEMA.fieldNames()[0], rest());
    List<Row> read = fresh.collectAsList();
    previous
        .kept(spark, CAPTURES, spark.createDataFrame(read, fresh.schema()))
        .coalesce(1)
        .sortWithinPartitions("path")
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(tablePath(output, CAPTURES));
    return read;
  }

  public long sessionsWritten() {
    return sessionsWritten;
  }

  private static String[] rest() {
    String[] names = CaptureSchema.SCHEMA.fieldNames();
    String[] rest = new String[names.length - 1];
    System.arraycopy(names, 1, rest, 0, rest.length);
    return rest;
  }

  /** One file per day: the index is small next to the captures, and few files read fast. */
  private void writePartitioned(Dataset<Row> rows, String table, String... order) {
    if (rows.isEmpty()) {
      // No partition to write: one empty file keeps the schema (with date as a plain column) so
      // that the table can still be read and queried.
      rows.coalesce(1).write().mode(SaveMode.Overwrite).parquet(tablePath(output, table));
      return;
    }
    rows.repartition(col(DATE))
        .sortWithinPartitions(DATE, order)
        .write()
        .mode(SaveMode.Overwrite)
        .partitionBy(DATE)
        .parquet(tablePath(output, table));
  }
}
