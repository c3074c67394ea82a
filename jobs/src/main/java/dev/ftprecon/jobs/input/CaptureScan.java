package dev.ftprecon.jobs.input;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import dev.ftprecon.flow.DirectionTable;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.network.util.JavaUtils;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The passes over the captures. Files are cut into splits and packed into tasks as Spark's file
 * sources do ({@link SplitPlanner}, sized by {@code spark.sql.files.maxPartitionBytes} and {@code
 * openCostInBytes}). The sha256 of each whole file is computed beside everything else ({@link
 * #captures()} waits for it), as single sequential reads that no split can share: with a local
 * master by a low-priority thread of the driver started before the first pass ({@link
 * DriverCaptureHashing}), on a cluster by a job of its own ({@link #startHashing}).
 *
 * <p>The first pass ({@link #run}) keeps little: the segments on control ports, the facts of every
 * connection direction ({@link #facts()}), and per split a summary. The driver combines the
 * summaries into the captures table and makes the rows equal a whole-file read: rows past where a
 * damaged file stopped are cut, and files whose splits fell out of sync are read again whole (rare;
 * {@link #RESCAN_SPLIT_FILES} forces it for tests). Once the control channels say which connections
 * carry data, a second pass ({@link #select}) reads the splits again and keeps only their segments:
 * the bulk of a capture never becomes a row, and is read twice from the file (or the page cache)
 * rather than held in between.
 */
public final class CaptureScan {
  /**
   * Test hook (a Spark conf, default false): read every file that had more than one split again as
   * one split, the path taken when a split reports its successor out of sync.
   */
  public static final String RESCAN_SPLIT_FILES = "spark.ftprecon.scan.rescanSplitFiles";

  /** Name of the scan's RDD, as shown in the Spark UI and to listeners. */
  public static final String RDD_NAME = "capture scan";

  /**
   * Captures totalling at most this many bytes are hashed as soon as the first pass is done (a
   * fraction of a second of SHA-256, which then overlaps the control pass); larger ones just before
   * the assembly ({@link #startHashing}).
   */
  static final long HASH_AT_ONCE_BYTES = 256L << 20;

  /**
   * Spark conf (default true): with a local master, hash the captures in a low-priority thread of
   * the driver from the start ({@link DriverCaptureHashing}) instead of in a job of their own. Not
   * used with other masters, whose driver would have to pull every capture's bytes to itself.
   */
  public static final String HASH_IN_DRIVER = "spark.ftprecon.scan.hashInDriver";

  /** Name of the RDD that hashes whole files. */
  public static final String HASH_RDD_NAME = "capture hash";

  /** Name of the second pass's RDD ({@link #select}). */
  public static final String SELECT_RDD_NAME = "capture select";

  private static final String CUT = "_cut";

  /**
   * Spark conf: directions one scan task holds facts for before it hands them on as partial rows
   * (bounded memory on captures of many short connections; results do not depend on it).
   */
  public static final String MAX_DIRECTIONS = "spark.ftprecon.scan.maxDirectionsPerTask";

  /**
   * Spark conf (default 16m): bytes of segment logs one first-pass task holds per split, about 12
   * per segment that carries stream (see {@link DirectionTable}). A split whose logs would outgrow
   * it, or 0, is read again by the data pass instead of replayed from its logs.
   */
  public static final String MAX_LOG_BYTES = "spark.ftprecon.scan.maxLogBytesPerSplit";

  static final String DEFAULT_MAX_LOG_BYTES = "16m";

  /** Name of the RDD that replays the first pass's logs in the data pass ({@link #dataPass}). */
  public static final String REPLAY_RDD_NAME = "capture log replay";

  private final SparkSession spark;
  private final Dataset<Row> scanned;
  private final List<CaptureFile> files;
  private final List<SplitSummary> summaries;
  private final Supplier<Future<List<FileHash>>> startHashing;
  private volatile Future<List<FileHash>> hashing;
  private final List<Row> greetings;
  private final List<ScanTask> selectTasks;
  private final Map<Integer, Long> cuts;
  private final SharedConfiguration conf;
  private final List<Dataset<Row>> cached;
  private final Set<SplitAt> logged;

  /** A split, by its file and start. */
  private record SplitAt(int fileId, long start) {}

  private CaptureScan(
      SparkSession spark,
      Dataset<Row> scanned,
      List<CaptureFile> files,
      List<SplitSummary> summaries,
      Supplier<Future<List<FileHash>>> startHashing,
      List<Row> greetings,
      List<ScanTask> selectTasks,
      Map<Integer, Long> cuts,
      SharedConfiguration conf,
      List<Dataset<Row>> cached,
      Set<SplitAt> logged) {
    this.spark = spark;
    this.scanned = compact(spark, scanned);
    this.files = files;
    this.summaries = summaries;
    this.startHashing = startHashing;
    this.greetings = greetings;
    this.selectTasks = selectTasks;
    this.cuts = cuts;
    this.conf = conf;
    this.cached = cached;
    this.logged = logged;
  }

  /**
   * The first pass's cached rows, read by the later jobs (control channels, facts) in one task per
   * core rather than one per split: the rows are few (control segments, facts), and an 11.83 GB
   * capture's 89 splits made each of those jobs 89 tasks of little work each. Partitions of one
   * task are read in their order, and every reader sorts or merges what it reads.
   */
  private static Dataset<Row> compact(SparkSession spark, Dataset<Row> scanned) {
    // Coalescing to more partitions than there are keeps them as they are.
    return scanned.coalesce(Math.max(1, spark.sparkContext().defaultParallelism()));
  }

  public static CaptureScan run(
      SparkSession spark, List<CaptureFile> files, Set<Integer> controlPorts) {
    SharedConfiguration conf = SharedConfiguration.of(spark);
    SplitPlanner planner = new SplitPlanner(SplitSettings.of(spark));
    boolean inDriver =
        spark.sparkContext().isLocal()
            && spark.conf().get(HASH_IN_DRIVER, "true").equalsIgnoreCase("true");
    Future<List<FileHash>> early =
        inDriver ? DriverCaptureHashing.start(files, conf.value()) : null;
    CaptureScan scan;
    try {
      scan =
          scanAll(
              spark,
              files,
              controlPorts,
              conf,
              planner,
              inDriver ? () -> early : () -> hash(spark, planner.packWhole(files), conf));
    } catch (RuntimeException e) {
      if (early != null) {
        early.cancel(true);
      }
      throw e;
    }
    // Started now, the driver's hashing is also the scan's to cancel (unpersist).
    if (inDriver || files.stream().mapToLong(CaptureFile::length).sum() <= HASH_AT_ONCE_BYTES) {
      scan.startHashing();
    }
    return scan;
  }

  private static CaptureScan scanAll(
      SparkSession spark,
      List<CaptureFile> files,
      Set<Integer> controlPorts,
      SharedConfiguration conf,
      SplitPlanner planner,
      Supplier<Future<List<FileHash>>> hashing) {
    List<ScanTask> tasks = new ArrayList<>();
    planner
        .plan(files, HadoopCaptures.compression(conf.value()))
        .forEach(group -> tasks.add(ScanTask.read(group)));
    Dataset<Row> scan = scan(spark, tasks, conf, controlPorts);
    List<Dataset<Row>> cached = new ArrayList<>(List.of(scan));

    JavaFutureAction<List<InternalRow>> scanning =
        WantedScanRows.of(scan, controlPorts).collectAsync();
    List<SplitSummary> summaries = new ArrayList<>();
    List<Row> greetings = new ArrayList<>();
    Set<SplitAt> logged = new HashSet<>();
    collectSummaries(WantedScanRows.toRows(await(scanning)), summaries, greetings, logged);
    boolean rescanAll = spark.conf().get(RESCAN_SPLIT_FILES, "false").equalsIgnoreCase("true");
    CaptureSummaries combined = new CaptureSummaries(files, summaries, List.of(), rescanAll);
    Dataset<Row> scanned = cut(spark, scan, combined.cuts(), combined.rescan());
    if (combined.rescan().isEmpty()) {
      return new CaptureScan(
          spark,
          scanned,
          files,
          summaries,
          hashing,
          cut(greetings, combined.cuts(), Set.of()),
          tasks,
          combined.cuts(),
          conf,
          cached,
          logged);
    }
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
    List<Row> greetedAgain = new ArrayList<>();
    logged.removeIf(at -> combined.rescan().contains(at.fileId()));
    collectSummaries(
        WantedScanRows.toRows(WantedScanRows.of(rescan, controlPorts).collect()),
        rescanned,
        greetedAgain,
        logged);
    summaries.removeIf(s -> combined.rescan().contains(s.fileId()));
    summaries.addAll(rescanned);
    CaptureSummaries whole = new CaptureSummaries(files, summaries, List.of(), false);
    List<Row> greeted = new ArrayList<>(cut(greetings, combined.cuts(), combined.rescan()));
    greeted.addAll(cut(greetedAgain, whole.cuts(), Set.of()));
    // The second pass reads the files read again as one split, and the others as planned.
    List<ScanTask> selectTasks = new ArrayList<>();
    for (ScanTask t : tasks) {
      List<CaptureSplit> kept =
          t.splits().stream().filter(x -> !combined.rescan().contains(x.fileId())).toList();
      if (!kept.isEmpty()) {
        selectTasks.add(ScanTask.read(kept));
      }
    }
    selectTasks.addAll(again);
    return new CaptureScan(
        spark,
        scanned.unionAll(cut(spark, rescan, whole.cuts(), Set.of())),
        files,
        summaries,
        hashing,
        greeted,
        selectTasks,
        whole.cuts(),
        conf,
        cached,
        logged);
  }

  private static Dataset<Row> scan(
      SparkSession spark,
      List<ScanTask> tasks,
      SharedConfiguration conf,
      Set<Integer> controlPorts) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    // One task per partition: parallelize gives each of n slices exactly one of n elements.
    var rows =
        jsc.parallelize(tasks, Math.max(1, tasks.size()))
            .mapPartitions(
                new ScanPartition(
                    conf,
                    Set.copyOf(controlPorts),
                    spark
                        .sparkContext()
                        .conf()
                        .getInt(MAX_DIRECTIONS, DirectionTable.DEFAULT_MAX_DIRECTIONS),
                    JavaUtils.byteStringAsBytes(
                        spark.conf().get(MAX_LOG_BYTES, DEFAULT_MAX_LOG_BYTES))))
            .setName(RDD_NAME);
    // The rows are already internal rows: no external-row conversion (see ScanRows). Only the
    // classic session builds a DataFrame from them; it is the one this job runs on.
    return ((org.apache.spark.sql.classic.SparkSession) spark)
        .internalCreateDataFrame(rows.rdd(), ScanSchema.SCHEMA, false)
        .persist(StorageLevel.MEMORY_AND_DISK());
  }

  private static void collectSummaries(
      List<Row> wanted, List<SplitSummary> summaries, List<Row> greetings, Set<SplitAt> logged) {
    for (Row r : wanted) {
      if (r.isNullAt(r.fieldIndex(ScanSchema.SPLIT))) {
        greetings.add(r);
      } else {
        Row split = r.getStruct(r.fieldIndex(ScanSchema.SPLIT));
        SplitSummary summary = ScanRows.toSummary(split);
        summaries.add(summary);
        if (split.<Boolean>getAs(ScanSchema.LOGGED)) {
          logged.add(new SplitAt(summary.fileId(), summary.splitStart()));
        }
      }
    }
  }

  /** Starts the job that hashes every file whole, one task per packed group of files. */
  private static JavaFutureAction<List<FileHash>> hash(
      SparkSession spark, List<List<CaptureFile>> groups, SharedConfiguration conf) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    return jsc.parallelize(groups, Math.max(1, groups.size()))
        .flatMap(group -> group.stream().map(f -> FileHasher.hash(f, conf.value())).iterator())
        .setName(HASH_RDD_NAME)
        .collectAsync();
  }

  /**
   * The result of a job started with a {@code collectAsync} (or of the driver's hashing thread);
   * its failure is rethrown unwrapped when it is a runtime exception.
   */
  public static <T> T await(Future<T> action) {
    try {
      return action.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a Spark job", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException("Spark job failed", e.getCause());
    }
  }

  /** The rows a whole-file read would give, of rows collected to the driver. */
  private static List<Row> cut(List<Row> rows, Map<Integer, Long> cuts, Set<Integer> dropped) {
    return rows.stream()
        .filter(r -> !dropped.contains(r.<Integer>getAs(SegmentSchema.CAPTURE_ID)))
        .filter(
            r ->
                r.<Long>getAs(SegmentSchema.RECORD_OFFSET)
                    < cuts.getOrDefault(r.<Integer>getAs(SegmentSchema.CAPTURE_ID), Long.MAX_VALUE))
        .toList();
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
        Arrays.stream(segments.schema().fieldNames()).map(segments::col).toArray(Column[]::new);
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

  /**
   * The segments on control ports ({@link SegmentSchema}, with payloads), as a whole-file read of
   * each capture would give them.
   */
  public Dataset<Row> controlSegments() {
    return scanned
        .where(col(ScanSchema.SPLIT).isNull().and(col(ScanSchema.FACTS).isNull()))
        .drop(ScanSchema.FACTS, ScanSchema.SPLIT, ScanSchema.LOG, ScanSchema.LOG_SEGMENTS);
  }

  /**
   * Facts per connection direction and split: {@code src_ip, src_port, dst_ip, dst_port}, the split
   * ({@code capture_id}, and its start in {@code record_offset}), and the columns of {@link
   * ScanSchema#FACTS_SCHEMA}; merge them per direction (min, max, sum).
   */
  public Dataset<Row> facts() {
    return scanned
        .where(col(ScanSchema.FACTS).isNotNull())
        .select(
            col(SegmentSchema.CAPTURE_ID),
            col(SegmentSchema.RECORD_OFFSET),
            col(SegmentSchema.SRC_IP),
            col(SegmentSchema.SRC_PORT),
            col(SegmentSchema.DST_IP),
            col(SegmentSchema.DST_PORT),
            col(ScanSchema.FACTS + ".*"));
  }

  /**
   * Facts rows (as {@link ScanSchema}) of directions that greeted like an FTP server on a port not
   * named as a control port.
   */
  public List<Row> greetings() {
    return greetings;
  }

  /**
   * A second pass: the segment rows ({@link SegmentSchema}) the selection picks, as a whole-file
   * read of each capture would give them. Not cached: each action reads the captures again.
   */
  public Dataset<Row> select(SegmentSelection selection) {
    return select(selection, SegmentSchema.SCHEMA);
  }

  /**
   * A second pass whose rows ({@code schema}) {@code rows} makes of the segments read. Only the
   * splits the selection {@link SegmentRows#reads reads} are read again; a task left without a
   * split is dropped.
   */
  public Dataset<Row> select(SegmentRows selection, StructType schema) {
    return frame(reading(selection, split -> true), schema);
  }

  /**
   * The data pass: the rows ({@code schema}) {@code rows} makes of the segments it wants, of the
   * first pass's logs for the splits it logged whole ({@link DirectionTable}), by reading the other
   * splits again. The logs are replayed from the cached scan, only those of {@code rows}' senders:
   * when every split was logged, no capture is read a second time.
   */
  public Dataset<Row> dataPass(ReplayableSegmentRows rows, StructType schema) {
    JavaRDD<InternalRow> read = reading(rows, split -> !logged.contains(split));
    JavaRDD<InternalRow> replayed = logged.isEmpty() ? null : replaying(rows);
    if (replayed == null) {
      return frame(read, schema);
    }
    return frame(read == null ? replayed : replayed.union(read), schema);
  }

  /** A second read of the splits {@code selection} reads and {@code also} keeps; null if none. */
  private JavaRDD<InternalRow> reading(
      SegmentRows selection, java.util.function.Predicate<SplitAt> also) {
    List<ScanTask> tasks = new ArrayList<>();
    for (ScanTask t : selectTasks) {
      List<CaptureSplit> read =
          t.splits().stream()
              .filter(selection::reads)
              .filter(x -> also.test(new SplitAt(x.fileId(), x.start())))
              .toList();
      if (!read.isEmpty()) {
        tasks.add(ScanTask.read(read));
      }
    }
    if (tasks.isEmpty()) {
      return null;
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    return jsc.parallelize(tasks, tasks.size())
        .mapPartitions(new SelectPartition(conf, selection, Map.copyOf(cuts)))
        .setName(SELECT_RDD_NAME);
  }

  /** The logs of {@code rows}' senders, from the cached scan, replayed into rows. */
  private JavaRDD<InternalRow> replaying(ReplayableSegmentRows rows) {
    Column sender = SegmentSchema.endpoint(SegmentSchema.SRC_IP, SegmentSchema.SRC_PORT);
    return scanned
        .where(col(ScanSchema.LOG).isNotNull().and(sender.isin(rows.senders().toArray())))
        .select(ReplayPartition.COLUMNS)
        .queryExecution()
        .toRdd()
        .toJavaRDD()
        .mapPartitions(new ReplayPartition(rows, Map.copyOf(cuts)))
        .setName(REPLAY_RDD_NAME);
  }

  private Dataset<Row> frame(JavaRDD<InternalRow> rows, StructType schema) {
    JavaRDD<InternalRow> all =
        rows != null
            ? rows
            : JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(List.<InternalRow>of(), 1);
    return ((org.apache.spark.sql.classic.SparkSession) spark)
        .internalCreateDataFrame(all.rdd(), schema, false);
  }

  /**
   * One row per input file ({@link CaptureSchema}), in input order; waits for the files' hashes.
   */
  public List<Row> captures() {
    startHashing();
    return new CaptureSummaries(files, summaries, await(hashing), false).rows();
  }

  /**
   * Starts hashing every capture whole ({@link #captures} waits for it), once. With a local master
   * the driver's thread has been hashing since the first pass began ({@link #HASH_IN_DRIVER}) and
   * {@link #run} has already called this. Otherwise it submits the job that hashes each file in a
   * task: for small captures when the first pass is done, for others when the job calls it, just
   * before it submits the assembly. Hashing is one sequential read of each file (SHA-256 of the
   * 4.93 GB bench capture: 3.6 CPU-s in one task). Started right after the first pass, it held one
   * of the two local slots through the control, facts and second passes, which then ran one task at
   * a time. Submitted before the assembly, it runs beside the largest transfer's sort; submitted
   * after it, its reads competed with that transfer's digest threads (README "Benchmark").
   */
  public synchronized void startHashing() {
    if (hashing == null) {
      hashing = startHashing.get();
    }
  }

  /** The Hadoop configuration the passes' tasks read, broadcast once for the whole job. */
  public SharedConfiguration conf() {
    return conf;
  }

  public void unpersist() {
    if (hashing != null && !hashing.isDone()) {
      hashing.cancel(true);
    }
    cached.forEach(Dataset::unpersist);
  }
}
