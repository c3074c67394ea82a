package dev.ftprecon.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftprecon.jobs.sql.IndexViews;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.FileSourceScanExec;
import org.apache.spark.sql.execution.SparkPlan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The index is partitioned by UTC day, so a query bounded in time reads only its days; and the
 * views can be set up from spark-sql with conf/ftprecon-views.sql. On testdata/faults/
 * port-reuse-days.pcap: five copies of one session, a day apart.
 */
class PartitionedIndexIT extends SparkTestBase {
  @TempDir static Path out;
  private static Set<String> days;

  @BeforeAll
  static void indexFiveDays() throws Exception {
    spark.conf().set("spark.sql.session.timeZone", "UTC");
    reconstruct(out, repoRoot().resolve("testdata/faults/port-reuse-days.pcap").toString());
    // tshark: the UTC days of the control connections' SYNs.
    days = new TreeSet<>();
    for (List<String> f :
        Tshark.fields(
            repoRoot().resolve("testdata/faults/port-reuse-days.pcap"),
            "tcp.flags.syn == 1 && tcp.flags.ack == 0 && tcp.dstport == 2121",
            "frame.time_epoch")) {
      long seconds = (long) Math.floor(Double.parseDouble(f.get(0)));
      days.add(LocalDate.ofInstant(Instant.ofEpochSecond(seconds), ZoneOffset.UTC).toString());
    }
  }

  @Test
  void transfersSessionsAndCommandsHaveOneDirectoryPerDay() throws Exception {
    assertThat(days).hasSize(5);
    for (String table : List.of("transfers", "sessions", "commands")) {
      Set<String> dirs = new TreeSet<>();
      try (Stream<Path> list = Files.list(out.resolve("index/" + table))) {
        list.filter(Files::isDirectory).forEach(d -> dirs.add(d.getFileName().toString()));
      }
      assertThat(dirs)
          .as(table)
          .containsExactlyInAnyOrderElementsOf(days.stream().map(d -> "date=" + d).toList());
    }
  }

  @Test
  void aQueryOnOneDayReadsOnlyThatDaysFile() {
    IndexViews.register(spark, out.toString());
    String day = days.stream().skip(2).findFirst().orElseThrow();
    Dataset<Row> oneDay =
        spark.sql("SELECT path, sha256 FROM transfers WHERE date = DATE'" + day + "'");
    List<Row> rows = oneDay.collectAsList();
    assertThat(rows).hasSize(1);
    FileSourceScanExec scan = scan(oneDay.queryExecution().executedPlan());
    assertThat(scan.toString()).contains("PartitionFilters: [isnotnull(date").contains(day);
    assertThat(scan.metrics().get("numFiles").get().value()).isEqualTo(1L);

    Dataset<Row> all = spark.sql("SELECT path, sha256 FROM transfers");
    assertThat(all.collectAsList()).hasSize(5);
    assertThat(scan(all.queryExecution().executedPlan()).metrics().get("numFiles").get().value())
        .isEqualTo(5L);
  }

  @Test
  void theInitScriptSetsUpTheSameFourViews() throws Exception {
    String script =
        Files.readString(repoRoot().resolve("conf/ftprecon-views.sql"), StandardCharsets.UTF_8);
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      if (line.strip().startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (line.strip().endsWith(";")) {
        statements.add(current.toString().strip().replaceAll(";$", ""));
        current.setLength(0);
      }
    }
    assertThat(statements).hasSize(4);
    for (String table : IndexViews.TABLES) {
      spark.catalog().dropTempView(table);
    }
    spark.conf().set("spark.ftprecon.index", out.toString());
    for (String statement : statements) {
      spark.sql(statement);
    }
    for (String table : IndexViews.TABLES) {
      long viaScript = spark.sql("SELECT count(*) FROM " + table).first().getLong(0);
      long direct = spark.read().parquet(out.resolve("index/" + table).toString()).count();
      assertThat(viaScript).as(table).isEqualTo(direct).isPositive();
    }
    assertThat(spark.sql("SELECT count(DISTINCT date) FROM transfers").first().getLong(0))
        .isEqualTo(5L);
  }

  private static FileSourceScanExec scan(SparkPlan plan) {
    for (SparkPlan leaf : CollectionConverters.asJava(plan.collectLeaves())) {
      if (leaf instanceof FileSourceScanExec scan) {
        return scan;
      }
    }
    throw new AssertionError("no file scan in " + plan);
  }
}
