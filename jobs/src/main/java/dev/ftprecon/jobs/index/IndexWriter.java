package dev.ftprecon.jobs.index;

import dev.ftprecon.jobs.schema.CaptureSchema;
import dev.ftprecon.jobs.schema.CommandSchema;
import dev.ftprecon.jobs.schema.SessionSchema;
import dev.ftprecon.jobs.schema.TransferSchema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.unsafe.types.UTF8String;

/** Writes the index tables as Parquet under {@code OUT/index/<table>}. */
public final class IndexWriter {
  public static final String TRANSFERS = "transfers";
  public static final String SESSIONS = "sessions";
  public static final String COMMANDS = "commands";
  public static final String CAPTURES = "captures";

  private final SparkSession spark;
  private final String output;

  public IndexWriter(SparkSession spark, String output) {
    this.spark = spark;
    this.output = output;
  }

  public static String tablePath(String output, String table) {
    return output.replaceAll("/+$", "") + "/index/" + table;
  }

  public void writeTransfers(List<Row> rows) {
    write(spark.createDataFrame(rows, TransferSchema.SCHEMA).coalesce(1), TRANSFERS);
  }

  public void writeSessions(JavaRDD<Row> rows) {
    Dataset<Row> sessions = spark.createDataFrame(rows, SessionSchema.SCHEMA).coalesce(1);
    write(sessions.sortWithinPartitions("start_time", "session_id"), SESSIONS);
  }

  public void writeCommands(JavaRDD<Row> rows) {
    Dataset<Row> commands = spark.createDataFrame(rows, CommandSchema.SCHEMA).coalesce(1);
    write(commands.sortWithinPartitions("session_id", "seq"), COMMANDS);
  }

  /** Writes the captures table and returns its rows (one per input file: few). */
  public List<Row> writeCaptures(Dataset<Row> captures) {
    Dataset<Row> ordered = captures.select(CaptureSchema.SCHEMA.fieldNames()[0], rest());
    write(ordered.coalesce(1).sortWithinPartitions("path"), CAPTURES);
    // The rows as written, in the table's order, without reading the table back (a local relation
    // collects without a Spark job); paths compare as Spark's strings do, by UTF-8 bytes.
    List<Row> rows = new ArrayList<>(ordered.collectAsList());
    rows.sort(
        Comparator.comparing(
            (Row r) -> r.<String>getAs("path"),
            Comparator.nullsFirst(
                Comparator.comparing(UTF8String::fromString, UTF8String::compareTo))));
    return rows;
  }

  private static String[] rest() {
    String[] names = CaptureSchema.SCHEMA.fieldNames();
    String[] rest = new String[names.length - 1];
    System.arraycopy(names, 1, rest, 0, rest.length);
    return rest;
  }

  private void write(Dataset<Row> rows, String table) {
    rows.write().mode(SaveMode.Overwrite).parquet(tablePath(output, table));
  }
}
