package dev.ftprecon.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftprecon.bench.SyntheticCapture;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only FTP crosses a shuffle: on a capture where FTP data is about 5% of the bytes and the rest is
 * bulk HTTP, Spark's shuffle write (its task metrics) stays a small fraction of the FTP share, and
 * adding the HTTP traffic adds no shuffled record to it.
 */
class ShuffleFootprintIT extends SparkTestBase {
  private static final long SEED = 5;

  @TempDir Path tmp;

  @Test
  void nonFtpTrafficIsDroppedBeforeAnyShuffle() throws Exception {
    // One split per capture: the data pass ships runs of pointers, which end at split bounds, so
    // the larger mixed capture in more splits would ship a few more runs of the same FTP segments.
    spark.conf().set("spark.sql.files.maxPartitionBytes", String.valueOf(1L << 30));
    spark.conf().set("spark.sql.files.minPartitionNum", "1");
    Run ftpOnly;
    Run mixed;
    try {
      ftpOnly = run("ftp-only", 0);
      mixed = run("mixed", 40L << 20);
    } finally {
      spark.conf().unset("spark.sql.files.maxPartitionBytes");
      spark.conf().unset("spark.sql.files.minPartitionNum");
    }

    double ftpShare = (double) mixed.capture.ftpFileBytes() / mixed.capture.captureBytes();
    double ratio = (double) mixed.shuffleBytes / mixed.capture.captureBytes();
    System.out.printf(
        "shuffle write: FTP only %,d B (%,d records) of %,d B; with HTTP %,d B (%,d records) of"
            + " %,d B (FTP %.1f%% of the bytes): %.4f%% of the input%n",
        ftpOnly.shuffleBytes,
        ftpOnly.shuffleRecords,
        ftpOnly.capture.captureBytes(),
        mixed.shuffleBytes,
        mixed.shuffleRecords,
        mixed.capture.captureBytes(),
        100 * ftpShare,
        100 * ratio);
    assertThat(ftpShare).isBetween(0.02, 0.10);
    // Pointer rows only: well under the FTP share itself, which payload rows would exceed.
    assertThat(ratio).isLessThan(ftpShare / 20);
    // 40 MiB of HTTP (about 29,000 segments) adds no record: no row of it is shuffled. (Its bytes
    // grow a little: the FTP pointers are packed relative to each other, and HTTP packets in
    // between lengthen the gaps between their payload positions and timestamps.)
    assertThat(mixed.shuffleRecords).isEqualTo(ftpOnly.shuffleRecords);
    assertThat(mixed.shuffleBytes - ftpOnly.shuffleBytes).isLessThan(8192);
  }

  private record Run(SyntheticCapture.Result capture, long shuffleBytes, long shuffleRecords) {}

  private Run run(String name, long httpBytes) throws Exception {
    Path pcap = tmp.resolve(name + ".pcap");
    SyntheticCapture.Result capture =
        SyntheticCapture.write(pcap, 0, 0, 4, 1 << 20, httpBytes, SEED);
    AtomicLong shuffled = new AtomicLong();
    AtomicLong records = new AtomicLong();
    SparkListener listener =
        new SparkListener() {
          @Override
          public void onTaskEnd(SparkListenerTaskEnd end) {
            if (end.taskMetrics() != null) {
              shuffled.addAndGet(end.taskMetrics().shuffleWriteMetrics().bytesWritten());
              records.addAndGet(end.taskMetrics().shuffleWriteMetrics().recordsWritten());
            }
          }
        };
    spark.sparkContext().addSparkListener(listener);
    try {
      Path out = tmp.resolve(name + "-out");
      JobSummary summary = reconstruct(out, pcap.toString());
      spark.sparkContext().listenerBus().waitUntilEmpty();
      assertThat(summary.transfers()).isEqualTo(capture.files().size());
      assertThat(Hashes.sha256OfEach(out.resolve("files")))
          .containsExactlyInAnyOrderElementsOf(
              capture.files().values().stream().map(v -> v.split(" ")[0]).toList());
    } finally {
      spark.sparkContext().removeSparkListener(listener);
    }
    return new Run(capture, shuffled.get(), records.get());
  }
}
