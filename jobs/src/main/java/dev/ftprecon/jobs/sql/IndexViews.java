package dev.ftprecon.jobs.sql;

import dev.ftprecon.jobs.index.IndexWriter;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * Registers the index tables as temporary views named after them. The one-line setup for a
 * spark-shell or notebook is {@code IndexViews.register(spark, "/path/to/OUT")}.
 */
public final class IndexViews {
  public static final List<String> TABLES =
      List.of(
          IndexWriter.TRANSFERS, IndexWriter.SESSIONS, IndexWriter.COMMANDS, IndexWriter.CAPTURES);

  private IndexViews() {}

  public static void register(SparkSession spark, String output) {
    for (String table : TABLES) {
      spark.read().parquet(IndexWriter.tablePath(output, table)).createOrReplaceTempView(table);
    }
  }
}
