package dev.ftprecon.jobs;

import dev.ftprecon.jobs.control.ControlChannels;
import dev.ftprecon.jobs.control.ControlDetection;
import dev.ftprecon.jobs.control.ControlResult;
import dev.ftprecon.jobs.control.SessionExpectation;
import dev.ftprecon.jobs.data.ChannelMatching;
import dev.ftprecon.jobs.data.DataChannels;
import dev.ftprecon.jobs.data.TransferBytes;
import dev.ftprecon.jobs.filter.TransferFilter;
import dev.ftprecon.jobs.index.IncrementalPlan;
import dev.ftprecon.jobs.index.IndexWriter;
import dev.ftprecon.jobs.index.OutputDirectory;
import dev.ftprecon.jobs.index.RunManifest;
import dev.ftprecon.jobs.index.TransferRows;
import dev.ftprecon.jobs.input.CaptureFile;
import dev.ftprecon.jobs.input.CaptureInputs;
import dev.ftprecon.jobs.input.CaptureScan;
import dev.ftprecon.jobs.input.SegmentSelection;
import dev.ftprecon.jobs.schema.CaptureSchema;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The reconstruction pipeline: a first pass over the captures keeps control-port segments and small
 * per-direction facts; control channels are followed into sessions, commands and expected data
 * channels; data connections are matched to them from the facts; a second pass picks the matched
 * connections' segments as pointers, and each transfer is reassembled from them; files and index
 * are written.
 */
public final class FtpReconstructJob {
  private final SparkSession spark;
  private final ReconstructOptions options;

  public FtpReconstructJob(SparkSession spark, ReconstructOptions options) {
    this.spark = spark;
    this.options = options;
  }

  public JobSummary run() throws Exception {
    Instant startedAt = Instant.now();
    long started = System.currentTimeMillis();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<CaptureFile> inputs =
        CaptureInputs.expand(spark.sparkContext().hadoopConfiguration(), options.inputs());
    IncrementalPlan plan =
        IncrementalPlan.make(spark, options.output(), inputs, options.incremental());
    SmallInputSettings small = SmallInputSettings.apply(spark, plan.files());
    try {
      return reconstruct(plan, startedAt, started, jsc);
    } finally {
      small.restore();
    }
  }

  /**
   * The passes, from the plan's captures to the committed output. Whatever happens, the scan's
   * caches are dropped and the captures' hashing is stopped at the end (a local run's driver thread
   * would otherwise read on through every capture after a failure).
   */
  private JobSummary reconstruct(
      IncrementalPlan plan, Instant startedAt, long started, JavaSparkContext jsc)
      throws Exception {
    List<CaptureFile> files = plan.files();
    if (files.isEmpty()) {
      return JobSummary.nothingNew(System.currentTimeMillis() - started);
    }
    TransferFilter filter = new TransferFilter(options.filters());
    Broadcast<List<String>> paths = jsc.broadcast(files.stream().map(CaptureFile::path).toList());
    int partitions = Math.max(1, spark.sparkContext().defaultParallelism());
    OutputDirectory out =
        OutputDirectory.prepare(spark.sparkContext().hadoopConfiguration(), options.output());

    CaptureScan scan = CaptureScan.run(spark, files, options.controlPorts());
    JavaRDD<ControlResult> control = null;
    try {
      Set<String> detected =
          options.detectControl()
              ? ControlDetection.detect(scan.greetings(), scan.facts())
              : Set.of();
      Dataset<Row> controlSegments = scan.controlSegments();
      if (!detected.isEmpty()) {
        controlSegments =
            controlSegments.unionAll(scan.select(SegmentSelection.connections(detected)));
      }

      control =
          ControlChannels.analyze(
                  spark,
                  controlSegments.where(filter.connections()),
                  options.controlPorts(),
                  detected,
                  paths,
                  scan.conf(),
                  options.maskPasswords(),
                  options.ftpLimits(),
                  partitions)
              .filter(filter::keepsSession)
              .persist(StorageLevel.MEMORY_AND_DISK());
      List<SessionExpectation> expectations =
          filter.transfers(control.flatMap(r -> r.expectations().iterator()).collect()).stream()
              .sorted(
                  Comparator.comparing(SessionExpectation::sessionId)
                      .thenComparingInt(e -> e.channel().ordinal()))
              .toList();

      ChannelMatching matching =
          new ChannelMatching(expectations, options.ftpLimits().channelExpiryNanos());
      DataChannels.Collected facts =
          DataChannels.connectionFacts(spark, scan.facts(), matching.endpoints());
      matching.match(facts.connections());
      IndexWriter index = new IndexWriter(spark, out.staging(), plan.previous());
      List<TransferBytes> bytes =
          DataChannels.assemble(
              spark,
              scan,
              matching.assignments(),
              facts.spans(),
              paths,
              matching.fileNames(),
              out.staging(),
              partitions);

      Set<Integer> outsideSize =
          filter.outsideSize(
              expectations, bytes, out.staging(), spark.sparkContext().hadoopConfiguration());
      bytes = bytes.stream().filter(b -> !outsideSize.contains(b.transfer())).toList();
      TransferRows transfers = new TransferRows(expectations, matching, bytes, paths.value());
      List<Row> transferRows = TransferFilter.without(transfers.rows(), outsideSize);
      IndexWriter.Written written =
          index.write(
              transferRows,
              control.map(ControlResult::session),
              control.flatMap(r -> r.commands().iterator()),
              scan::captures);
      List<Row> captureRows = written.capturesRead();

      JobSummary summary =
          new JobSummary(
              files.size(),
              count(captureRows, CaptureSchema.STATUS_DAMAGED),
              count(captureRows, CaptureSchema.STATUS_UNREADABLE),
              written.sessions(),
              transferRows.size(),
              bytes.size(),
              bytes.stream().mapToLong(TransferBytes::length).sum(),
              TransferRows.notComplete(transferRows),
              System.currentTimeMillis() - started);
      plan.writeState(
          spark.sparkContext().hadoopConfiguration(), out.staging(), files, written.openCaptures());
      out.commit(
          RunManifest.json(
              options, plan, spark.version(), startedAt, Instant.now(), captureRows, summary),
          plan.previous().exists());
      return summary;
    } finally {
      scan.unpersist();
      if (control != null) {
        control.unpersist();
      }
    }
  }

  private static int count(List<Row> captures, String status) {
    return (int) captures.stream().filter(r -> status.equals(r.getAs("status"))).count();
  }
}
