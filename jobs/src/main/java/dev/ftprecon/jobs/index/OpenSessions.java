package dev.ftprecon.jobs.index;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Which captures hold a session still open at the end of a run ({@code open} in the state file, see
 * {@link IncrementalPlan}): a session without an answered QUIT (221) that has a transfer waiting
 * for its final reply, no end time, or an end within {@link IncrementalPlan#CARRY_WINDOW_NANOS} of
 * the newest packet indexed; with its transfers' captures.
 *
 * <p>Found while the index is written, not by reading it back: the captures and transfers tables
 * are lists on the driver, and the sessions and commands writes observe ({@link #CANDIDATES},
 * {@link #QUIT}) the few rows this needs.
 */
final class OpenSessions {
  static final String ROWS = "rows";
  static final String CANDIDATES = "open_candidates";
  static final String QUIT = "quit_answered";
  private static final String SESSION_ID = "session_id";
  private static final String CAPTURES = "captures";

  private final Long newestMicros;
  private final Set<String> waiting;
  private final List<Row> transfers;

  private OpenSessions(Long newestMicros, Set<String> waiting, List<Row> transfers) {
    this.newestMicros = newestMicros;
    this.waiting = waiting;
    this.transfers = transfers;
  }

  /** From every row of the captures and transfers tables being written. */
  static OpenSessions of(List<Row> captures, List<Row> transfers) {
    Long newest = null;
    for (Row c : captures) {
      Long last = micros(c.getAs("last_time"));
      if (last != null && (newest == null || last > newest)) {
        newest = last;
      }
    }
    Set<String> waiting = new HashSet<>();
    for (Row t : transfers) {
      Integer reply = t.getAs("reply_code");
      if (reply == null || reply < 200) {
        waiting.add(t.getAs(SESSION_ID));
      }
    }
    return new OpenSessions(newest, waiting, transfers);
  }

  /** Metrics of the sessions write: its row count, and (session_id, captures) of the candidates. */
  Column[] sessionMetrics() {
    Column candidate = col(SESSION_ID).isin(waiting.toArray()).or(col("end_time").isNull());
    if (newestMicros != null) {
      candidate =
          candidate.or(
              unix_micros(col("end_time"))
                  .geq(lit(newestMicros - IncrementalPlan.CARRY_WINDOW_NANOS / 1000)));
    }
    return new Column[] {
      rowCount(),
      collect_list(when(candidate, struct(col(SESSION_ID), col(CAPTURES)))).as(CANDIDATES)
    };
  }

  /** The rows written. */
  static Column rowCount() {
    return count(lit(1)).as(ROWS);
  }

  /** Metric of the commands write: the sessions whose QUIT was answered 221. */
  static Column quitMetric() {
    return collect_set(
            when(
                col("command").equalTo("QUIT").and(col("reply_code").equalTo(221)),
                col(SESSION_ID)))
        .as(QUIT);
  }

  /** The captures of the open sessions and of their transfers, sorted. */
  Set<String> captures(Collection<Row> candidates, Collection<String> quitAnswered) {
    Set<String> quit = new HashSet<>(quitAnswered);
    Set<String> open = new HashSet<>();
    Set<String> captures = new TreeSet<>();
    for (Row s : candidates) {
      String id = s.getString(0);
      if (!quit.contains(id)) {
        open.add(id);
        captures.addAll(s.<String>getList(1));
      }
    }
    for (Row t : transfers) {
      if (open.contains(t.<String>getAs(SESSION_ID))) {
        captures.addAll(t.<String>getList(t.fieldIndex(CAPTURES)));
      }
    }
    return captures;
  }

  /** An observed collect_list or collect_set, as a Java list. */
  @SuppressWarnings("unchecked")
  static <T> List<T> list(Object observed) {
    return new ArrayList<>(CollectionConverters.asJava((scala.collection.Seq<T>) observed));
  }

  /** A timestamp as Spark hands it to the driver (java.sql or java.time), in microseconds. */
  private static Long micros(Object timestamp) {
    if (timestamp instanceof Timestamp t) {
      return Math.floorDiv(t.getTime(), 1000L) * 1_000_000L + t.getNanos() / 1000;
    }
    if (timestamp instanceof Instant i) {
      return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
    }
    return null;
  }
}
