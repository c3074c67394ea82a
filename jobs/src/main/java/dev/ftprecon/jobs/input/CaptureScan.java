package dev.ftprecon.jobs.input;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import dev.ftprecon.jobs.schema.CaptureSchema;
import dev.ftprecon.jobs.schema.ScanSchema;
import dev.ftprecon.jobs.schema.SegmentSchema;
import dev.ftprecon.jobs.source.CaptureSplit;
import dev.ftprecon.jobs.source.HadoopCaptures;
import dev.ftprecon.jobs.source.SplitPlanner;
import dev.ftprecon.jobs.source.SplitSettings;
import dev.ftprecon.jobs.source.SplitSummary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The one pass over the captures. Files are cut into splits and packed into tasks as Spark's file
 * sources do ({@link SplitPlanner}, sized by {@code spark.sql.files.maxPartitionBytes} and {@code
 * openCostInBytes}); hash tasks read each whole file beside them. The driver then combines the
 * split summaries into the captures table and makes the segment rows equal a whole-file read: rows
 * past where a damaged file stopped are cut, and files whose splits fell out of sync are read again
 * whole (rare; {@link #RESCAN_SPLIT_FILES} forces it for tests).
 */
public final class CaptureScan {
  /**
   * Test hook (a Spark conf, default false): read every file that had more than one split again as
   * one split, the path taken when a split reports its successor out of sync.
   */
  public static final String RESCAN_SPLIT_FILES = "spark.ftprecon.scan.rescanSplitFiles";

  /** Name of the scan's RDD, as shown in the Spark UI and to listeners. */
  public static final String RDD_NAME = "capture scan";

  private static final String CUT = "_cut";

  private final Dataset<Row> segments;
  private final List<Row> captures;
  private final int tasks;
  private final List<Dataset<Row>> cached;

  private CaptureScan(
      Dataset<Row> segments, List<Row> captures, int tasks, List<Dataset<Row>> cached) {
    this.segments = segments;
    this.captures = captures;
    this.tasks = tasks;
    this.cached = cached;
  }

  public static CaptureScan run(
      SparkSession spark, List<CaptureFile> files, Set<Integer> controlPorts) {
    SerializableConfiguration conf =
        new SerializableConfiguration(spark.sparkContext().hadoopConfiguration());
    SplitPlanner planner = new SplitPlanner(SplitSettings.of(spark));
    List<ScanTask> tasks = new ArrayList<>();
    // Hash tasks first: they hold the longest single reads, so they should start early.
    planner.packWhole(files).forEach(group -> tasks.add(ScanTask.hash(group)));
    planner
        .plan(files, HadoopCaptures.compression(conf.value()))
        .forEach(group -> tasks.add(ScanTask.read(group)));
    Dataset<Row> scan = scan(spark, tasks, conf, controlPorts);
    List<Dataset<Row>> cached = new ArrayList<>(List.of(scan));

    List<SplitSummary> summaries = new ArrayList<>();
    List<FileHash> hashes = new ArrayList<>();
    collectSummaries(scan, summaries, hashes);
    boolean rescanAll = spark.conf().get(RESCAN_SPLIT_FILES, "false").equalsIgnoreCase("true");
    CaptureSummaries combined = new CaptureSummaries(files, summaries, hashes, rescanAll);
    Dataset<Row> segments = cut(spark, segmentsOf(scan), combined.cuts(), combined.rescan());
    if (!combined.rescan().isEmpty()) {
      List<ScanTask> again = new ArrayList<>();
      for (int id : combined.rescan()) {
        CaptureFile f = files.get(id);
        again.add(
            ScanTask.read(
                List.of(
                    CaptureSplit.whole(
                        f.id(),
                        f.path(),
                        f.length(),
                        HadoopCaptures.compression(conf.value()).isCompressed(f)))));
      }
      Dataset<Row> rescan = scan(spark, again, conf, controlPorts);
      cached.add(rescan);
      List<SplitSummary> rescanned = new ArrayList<>();
      collectSummaries(rescan, rescanned, new ArrayList<>());
      summaries.removeIf(s -> combined.rescan().contains(s.fileId()));
      summaries.addAll(rescanned);
      CaptureSummaries whole = new CaptureSummaries(files, summaries, hashes, false);
      segments = segments.unionAll(cut(spark, segmentsOf(rescan), whole.cuts(), Set.of()));
      return new CaptureScan(segments, whole.rows(), tasks.size(), cached);
    }
    return new CaptureScan(segments, combined.rows(), tasks.size(), cached);
  }

  private static Dataset<Row> scan(
      SparkSession spark,
      List<ScanTask> tasks,
      SerializableConfiguration conf,
      Set<Integer> controlPorts) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    // One task per partition: parallelize gives each of n slices exactly one of n elements.
    var rows =
        jsc.parallelize(tasks, Math.max(1, tasks.size()))
            .mapPartitions(new ScanPartition(conf, Set.copyOf(controlPorts)))
            .setName(RDD_NAME);
    // The rows are already internal rows: no external-row conversion (see ScanRows). Only the
    // classic session builds a DataFrame from them; it is the one this job runs on.
    return ((org.apache.spark.sql.classic.SparkSession) spark)
        .internalCreateDataFrame(rows.rdd(), ScanSchema.SCHEMA, false)
        .persist(StorageLevel.MEMORY_AND_DISK());
  }

  private static void collectSummaries(
      Dataset<Row> scan, List<SplitSummary> summaries, List<FileHash> hashes) {
    for (Row r :
        scan.where(col(ScanSchema.SPLIT).isNotNull()).select(ScanSchema.SPLIT).collectAsList()) {
      Row split = r.getStruct(0);
      if (ScanRows.isHash(split)) {
        hashes.add(ScanRows.toHash(split));
      } else {
        summaries.add(ScanRows.toSummary(split));
      }
    }
  }

  private static Dataset<Row> segmentsOf(Dataset<Row> scan) {
    return scan.where(col(ScanSchema.SPLIT).isNull()).drop(ScanSchema.SPLIT);
  }

  /**
   * Drops the rows at or after each cut offset of their file, and every row of the files to read
   * again; a small broadcast join, skipped when nothing is cut.
   */
  private static Dataset<Row> cut(
      SparkSession spark, Dataset<Row> segments, Map<Integer, Long> cuts, Set<Integer> dropped) {
    List<Row> rows = new ArrayList<>();
    cuts.forEach((id, at) -> rows.add(RowFactory.create(id, dropped.contains(id) ? 0L : at)));
    dropped.stream()
        .filter(id -> !cuts.containsKey(id))
        .forEach(id -> rows.add(RowFactory.create(id, 0L)));
    if (rows.isEmpty()) {
      return segments;
    }
    StructType schema =
        new StructType()
            .add(SegmentSchema.CAPTURE_ID, DataTypes.IntegerType, false)
            .add(CUT, DataTypes.LongType, false);
    Dataset<Row> cutAt = spark.createDataFrame(rows, schema);
    Column[] columns =
        Arrays.stream(SegmentSchema.SCHEMA.fieldNames()).map(segments::col).toArray(Column[]::new);
    return segments
        .join(
            broadcast(cutAt),
            segments.col(SegmentSchema.CAPTURE_ID).equalTo(cutAt.col(SegmentSchema.CAPTURE_ID)),
            "left")
        .where(
            cutAt
                .col(CUT)
                .isNull()
                .or(segments.col(SegmentSchema.RECORD_OFFSET).lt(cutAt.col(CUT))))
        .select(columns);
  }

  /** The segment rows of every capture, as a whole-file read of each would give them. */
  public Dataset<Row> segments() {
    return segments;
  }

  /** One row per input file ({@link CaptureSchema}), in input order. */
  public List<Row> captures() {
    return captures;
  }

  /** Tasks of the main scan: split groups plus hash groups. */
  public int tasks() {
    return tasks;
  }

  public void unpersist() {
    cached.forEach(Dataset::unpersist);
  }
}
