package dev.ftprecon.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftprecon.jobs.index.IndexWriter;
import dev.ftprecon.jobs.index.OutputDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Captures on a real HDFS (Hadoop's MiniDFSCluster: a NameNode and a DataNode on 127.0.0.1,
 * ephemeral ports) and the output written back to it: the index read back from HDFS and every
 * file's bytes must be those of a local run on the same captures, laid out the same way. The inputs
 * are samples/ (a directory) and the rotated capture of testdata/faults/ (a glob, expanded by
 * HDFS).
 */
class HdfsIT extends SparkTestBase {
  private static final String SAMPLES = "samples";
  private static final String ROTATED = "rotated";

  @TempDir static Path tmp;
  private static MiniDFSCluster hdfs;
  private static FileSystem dfs;
  private static String hdfsRoot;
  private static OutputSnapshot onHdfs;
  private static OutputSnapshot local;

  @BeforeAll
  static void runTheJobOnHdfsAndLocally() throws Exception {
    Path base = repoRoot().resolve("jobs/target/hdfs-it");
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.toString());
    conf.setInt("dfs.replication", 1);
    hdfs = new MiniDFSCluster.Builder(conf, base.toFile()).numDataNodes(1).format(true).build();
    hdfs.waitActive();
    dfs = hdfs.getFileSystem();
    hdfsRoot = "hdfs://127.0.0.1:" + hdfs.getNameNodePort() + "/cases/42";
    spark.sparkContext().hadoopConfiguration().setInt("dfs.replication", 1);

    Path localRoot = Files.createDirectories(tmp.resolve("cases/42"));
    for (Path capture : inputs()) {
      String dir = capture.getFileName().toString().startsWith("rotate.") ? ROTATED : SAMPLES;
      Path copy = Files.createDirectories(localRoot.resolve(dir)).resolve(capture.getFileName());
      Files.copy(capture, copy);
      dfs.copyFromLocalFile(
          new org.apache.hadoop.fs.Path(capture.toUri()),
          new org.apache.hadoop.fs.Path(hdfsRoot + "/" + dir + "/" + capture.getFileName()));
    }

    String hdfsOut = hdfsRoot + "/out";
    reconstructInto(hdfsOut, hdfsRoot + "/" + SAMPLES, hdfsRoot + "/" + ROTATED + "/rotate.pcap*");
    onHdfs = OutputSnapshot.read(spark, hdfsOut, hdfsRoot);

    Path localOut = tmp.resolve("out");
    reconstructInto(
        localOut.toString(),
        localRoot.resolve(SAMPLES).toString(),
        localRoot.resolve(ROTATED) + "/rotate.pcap*");
    local = OutputSnapshot.read(spark, localOut.toString(), localRoot.toString());
  }

  @AfterAll
  static void stopHdfs() {
    if (hdfs != null) {
      hdfs.shutdown(true);
      hdfs = null;
    }
  }

  @Test
  void everyIndexTableReadBackFromHdfsHasTheRowsOfTheLocalRun() {
    for (String table : OutputSnapshot.TABLES) {
      assertThat(onHdfs.rows(table)).as(table).isPositive();
    }
    assertThat(onHdfs.rows(IndexWriter.CAPTURES)).isEqualTo(inputs().size());
    onHdfs.assertSameAs(local);
  }

  @Test
  void everyFileOnHdfsHoldsTheBytesOfTheOriginal() throws IOException {
    onHdfs.assertEveryFileIsWhatItsTransferRowSays();
    // Independent expectations: the originals' sha256, recorded when the captures were made.
    List<String> originals = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(repoRoot().resolve("testdata/expected"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        for (JsonNode t : json.readTree(f.toFile()).get("transfers")) {
          if (t.hasNonNull("sha256")) {
            originals.add(t.get("sha256").asText());
          }
        }
      }
    }
    originals.add(
        json.readTree(repoRoot().resolve("testdata/faults/rotate.expected.json").toFile())
            .at("/expected/sha256")
            .asText());
    assertThat(originals).hasSizeGreaterThanOrEqualTo(10);
    assertThat(onHdfs.files().values()).containsAll(originals);
  }

  @Test
  void theHdfsDaemonsListenOnLoopbackOnly() {
    assertThat(hdfs.getNameNode().getNameNodeAddress().getAddress().isLoopbackAddress()).isTrue();
    assertThat(hdfs.getNameNode().getHttpAddress().getAddress().isLoopbackAddress()).isTrue();
    assertThat(hdfs.getDataNodes())
        .singleElement()
        .satisfies(dn -> assertThat(dn.getXferAddress().getAddress().isLoopbackAddress()).isTrue());
  }

  @Test
  void theCapturesTableNamesTheInputsByTheirHdfsUris() {
    List<Row> captures =
        spark
            .read()
            .parquet(IndexWriter.tablePath(hdfsRoot + "/out", IndexWriter.CAPTURES))
            .collectAsList();
    assertThat(captures).hasSize(inputs().size());
    for (Row c : captures) {
      assertThat(c.<String>getAs("path")).startsWith(hdfsRoot + "/");
      assertThat(c.<String>getAs("status")).isEqualTo("ok");
    }
  }

  @Test
  void theOutputOnHdfsIsCommittedWithNothingStagedLeft() throws IOException {
    org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path(hdfsRoot + "/out");
    List<String> names = new ArrayList<>();
    for (FileStatus s : dfs.listStatus(out)) {
      names.add(s.getPath().getName());
    }
    assertThat(names)
        .containsExactlyInAnyOrder(
            OutputDirectory.FILES,
            OutputDirectory.INDEX,
            OutputDirectory.MANIFEST,
            OutputDirectory.SUCCESS);
  }

  /** The job as SampleCapturesIT runs it, with an output that is any Hadoop URI. */
  private static void reconstructInto(String output, String... inputs) throws Exception {
    List<String> args = new ArrayList<>(List.of("-o", output));
    args.addAll(List.of(inputs));
    new FtpReconstructJob(spark, ReconstructOptions.parse(args.toArray(String[]::new))).run();
  }

  /** samples/* and the three files of the rotated capture. */
  private static List<Path> inputs() {
    List<Path> list = new ArrayList<>();
    try (Stream<Path> samples = Files.list(repoRoot().resolve(SAMPLES))) {
      samples.filter(Files::isRegularFile).sorted().forEach(list::add);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    for (int i = 0; i < 3; i++) {
      list.add(repoRoot().resolve("testdata/faults/rotate.pcap" + i));
    }
    return list;
  }
}
