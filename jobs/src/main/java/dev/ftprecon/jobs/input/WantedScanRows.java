package dev.ftprecon.jobs.input;

import dev.ftprecon.jobs.schema.ScanSchema;
import dev.ftprecon.jobs.schema.SegmentSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.CatalystTypeConverters;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * The rows the driver needs from the first pass: the split summaries, and the facts of directions
 * whose payload began like an FTP greeting on a port not named as a control port (candidates for
 * {@code ControlDetection}; few, one per server answer).
 *
 * <p>They are picked from the scan's internal rows in plain Java and turned into {@link Row}s on
 * the driver. As a Catalyst filter collected through {@code Dataset.javaRDD()}, every task of the
 * first pass generated the source of a deserializer for the whole scan schema, and of a filter over
 * the cached batches, before reading its first record: Spark caches the compiled class, not the
 * generating. An async-profiler profile of an 11.83 GB run (89 splits) put 1.0 CPU-s of the tasks
 * in the deserializer's generating and 0.16 in the filter's.
 */
final class WantedScanRows implements Function<InternalRow, Boolean> {
  private static final long serialVersionUID = 1L;
  private static final int SPLIT = ScanSchema.SCHEMA.fieldIndex(ScanSchema.SPLIT);
  private static final int FACTS = ScanSchema.SCHEMA.fieldIndex(ScanSchema.FACTS);
  private static final int SRC_PORT = ScanSchema.SCHEMA.fieldIndex(SegmentSchema.SRC_PORT);
  private static final int GREETING = ScanSchema.FACTS_SCHEMA.fieldIndex("greeting");

  private final Set<Integer> controlPorts;

  private WantedScanRows(Set<Integer> controlPorts) {
    this.controlPorts = Set.copyOf(controlPorts);
  }

  /** The wanted rows of {@code scan} (rows of {@link ScanSchema#SCHEMA}), copied for collecting. */
  static JavaRDD<InternalRow> of(Dataset<Row> scan, Set<Integer> controlPorts) {
    return scan.queryExecution()
        .toRdd()
        .toJavaRDD()
        .filter(new WantedScanRows(controlPorts))
        .map(InternalRow::copy);
  }

  @Override
  public Boolean call(InternalRow row) {
    if (!row.isNullAt(SPLIT)) {
      return true;
    }
    return !row.isNullAt(FACTS)
        && row.getStruct(FACTS, ScanSchema.FACTS_SCHEMA.size()).getBoolean(GREETING)
        && !controlPorts.contains(row.getInt(SRC_PORT));
  }

  /** The collected rows as {@link Row}s of {@link ScanSchema#SCHEMA}, converted on the driver. */
  static List<Row> toRows(List<InternalRow> rows) {
    scala.Function1<Object, Object> convert =
        CatalystTypeConverters.createToScalaConverter(ScanSchema.SCHEMA);
    List<Row> out = new ArrayList<>(rows.size());
    rows.forEach(r -> out.add((Row) convert.apply(r)));
    return out;
  }
}
