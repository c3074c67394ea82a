package dev.ftprecon.jobs.sql;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code ftp-index-sql -i OUT (-e SQL | -f FILE) [--format table|csv|json] [--master URL]}: runs
 * one Spark SQL statement over the views transfers, sessions, commands and captures. Exit status: 0
 * ok, 1 failure, 2 usage or SQL error.
 */
public final class IndexSqlMain {
  static final String USAGE =
      "usage: ftp-index-sql -i OUT (-e SQL | -f FILE) [--format table|csv|json] [--master URL]";

  private IndexSqlMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    String index = null;
    String sql = null;
    String format = "table";
    String master = null;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "-i", "--index" -> index = value(args, ++i);
          case "-e", "--execute" -> sql = value(args, ++i);
          case "-f", "--file" ->
              sql = Files.readString(Path.of(value(args, ++i)), StandardCharsets.UTF_8);
          case "--format" -> format = value(args, ++i);
          case "--master" -> master = value(args, ++i);
          case "-h", "--help" -> {
            out.println(USAGE);
            return 0;
          }
          default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
        }
      }
      if (index == null || sql == null) {
        throw new IllegalArgumentException("need -i OUT and one of -e SQL or -f FILE");
      }
      if (!List.of("table", "csv", "json").contains(format)) {
        throw new IllegalArgumentException("--format expects table, csv or json, got: " + format);
      }
    } catch (IllegalArgumentException | IOException e) {
      err.println("ftp-index-sql: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    SparkConf conf = new SparkConf().setAppName("ftp-index-sql");
    if (master != null) {
      conf.setMaster(master);
    } else if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
      conf.setIfMissing("spark.ui.enabled", "false");
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    }
    SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
    try {
      IndexViews.register(spark, index);
      Dataset<Row> result = spark.sql(sql.strip().replaceAll(";$", ""));
      ResultPrinter.print(result, format, out);
      return 0;
    } catch (Exception e) {
      // Scala's AnalysisException (bad SQL, unknown column) is checked in Java's eyes but not
      // declared, so it is told apart here.
      if (e instanceof AnalysisException) {
        err.println("ftp-index-sql: SQL error: " + e.getMessage());
        return 2;
      }
      err.println("ftp-index-sql: failed: " + e);
      return 1;
    } finally {
      spark.stop();
    }
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException("option " + args[i - 1] + " needs a value");
    }
    return args[i];
  }
}
