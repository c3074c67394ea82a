package dev.ftprecon.jobs.index;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The index of an earlier run that an incremental run adds to. Rows of sessions that touch a
 * capture read again in this run (one that held a session still open, or one that changed) are
 * dropped: this run computes them afresh, with the same deterministic ids. Everything else is kept
 * as it was.
 */
public final class PreviousIndex {
  private static final String SESSION_ID = "session_id";
  private final String output;
  private final Set<String> rereadCaptures;
  private final Set<String> redoneSessions;

  private PreviousIndex(String output, Set<String> rereadCaptures, Set<String> redoneSessions) {
    this.output = output;
    this.rereadCaptures = rereadCaptures;
    this.redoneSessions = redoneSessions;
  }

  /** A full run: nothing to keep. */
  public static PreviousIndex none() {
    return new PreviousIndex(null, Set.of(), Set.of());
  }

  static PreviousIndex of(
      String committedOutput, Set<String> rereadCaptures, Set<String> redoneSessions) {
    return new PreviousIndex(
        committedOutput, Set.copyOf(rereadCaptures), Set.copyOf(redoneSessions));
  }

  public boolean exists() {
    return output != null;
  }

  public Set<String> rereadCaptures() {
    return rereadCaptures;
  }

  /** {@code fresh} plus the earlier run's rows of {@code table} that this run does not redo. */
  Dataset<Row> kept(SparkSession spark, String table, Dataset<Row> fresh) {
    if (output == null) {
      return fresh;
    }
    Dataset<Row> old = spark.read().parquet(IndexWriter.tablePath(output, table));
    Dataset<Row> kept;
    if (IndexWriter.CAPTURES.equals(table)) {
      kept = rereadCaptures.isEmpty() ? old : old.where(col("path").isin(paths()).unary_$bang());
    } else {
      // Only days are partition values; a table with no day at all reads them back as strings.
      old = old.withColumn(IndexWriter.DATE, col(IndexWriter.DATE).cast("date"));
      kept =
          old.join(redoneSessions(spark), old.col(SESSION_ID).equalTo(col("redone")), "left_anti");
    }
    return fresh.unionByName(kept.select(fresh.columns()[0], rest(fresh.columns())));
  }

  private Dataset<Row> redoneSessions(SparkSession spark) {
    return spark.createDataset(List.copyOf(redoneSessions), Encoders.STRING()).toDF("redone");
  }

  private Object[] paths() {
    return rereadCaptures.toArray();
  }

  private static String[] rest(String[] columns) {
    return Arrays.copyOfRange(columns, 1, columns.length);
  }
}
