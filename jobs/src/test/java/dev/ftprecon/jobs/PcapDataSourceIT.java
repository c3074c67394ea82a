package dev.ftprecon.jobs;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spark.read.format("pcap")} against tshark, the independent decoder: for every TCP packet
 * of every sample, the 5-tuple, seq, ack, flags and payload length agree; and Spark's usual file
 * options on a directory that holds a good capture, a capture cut mid-record, a file that is no
 * capture and a subdirectory.
 */
class PcapDataSourceIT extends SparkTestBase {
  private static final String GOOD = "samples/epsv-ascii-download-ipv4-pyftpdlib-curl.pcap";
  private static final String CUT_FROM = "samples/pasv-download-ipv4-pureftpd-curl.pcap";
  private static final String NESTED = "samples/pasv-list-ipv4-pureftpd-wget.pcap";
  private static final String[] TUPLE = {
    "src_ip", "dst_ip", "src_port", "dst_port", "seq", "ack", "flags", "payload_claimed_len"
  };

  @TempDir static Path dir;
  private static int intactRecordsOfCut;

  @BeforeAll
  static void makeTheDirectory() throws IOException {
    Files.copy(repoRoot().resolve(GOOD), dir.resolve("good.pcap"));
    byte[] sample = Files.readAllBytes(repoRoot().resolve(CUT_FROM));
    List<Long> records = recordOffsets(sample);
    intactRecordsOfCut = records.size() / 2;
    long cut = records.get(intactRecordsOfCut) + 16 + 10; // inside that record's data
    Files.write(dir.resolve("truncated.pcap"), Arrays.copyOf(sample, (int) cut));
    byte[] garbage = new byte[4096];
    new SplittableRandom(7).nextBytes(garbage);
    garbage[0] = 0x3c; // never a capture magic
    Files.write(dir.resolve("garbage.bin"), garbage);
    Files.createDirectories(dir.resolve("sub"));
    Files.copy(repoRoot().resolve(NESTED), dir.resolve("sub/nested.pcap"));
  }

  @AfterEach
  void resetConf() {
    spark.conf().unset("spark.sql.files.maxPartitionBytes");
    spark.conf().unset("spark.sql.files.openCostInBytes");
    spark.conf().unset("spark.sql.files.ignoreCorruptFiles");
  }

  private static Dataset<Row> pcap(Map<String, String> options, String... paths) {
    return spark.read().format("pcap").options(options).load(paths);
  }

  @Test
  void everyTcpPacketOfEverySampleHasTsharksTupleSeqAckFlagsAndLength() throws Exception {
    List<Path> samples;
    try (Stream<Path> files = Files.list(repoRoot().resolve("samples"))) {
      samples = files.filter(Files::isRegularFile).sorted().toList();
    }
    Map<String, List<Row>> ours =
        pcap(Map.of(), repoRoot().resolve("samples").toString())
            .orderBy("path", "record_offset")
            .collectAsList()
            .stream()
            .collect(
                Collectors.groupingBy(
                    r ->
                        Path.of(r.<String>getAs("path").replaceFirst("^file:", ""))
                            .getFileName()
                            .toString()));
    long packets = 0;
    for (Path sample : samples) {
      List<List<String>> expected =
          Tshark.fields(
              sample,
              "tcp",
              "ip.src",
              "ipv6.src",
              "ip.dst",
              "ipv6.dst",
              "tcp.srcport",
              "tcp.dstport",
              "tcp.seq_raw",
              "tcp.ack_raw",
              "tcp.flags",
              "tcp.len");
      List<Row> rows = ours.getOrDefault(sample.getFileName().toString(), List.of());
      assertThat(rows).as(sample.toString()).hasSize(expected.size());
      for (int i = 0; i < rows.size(); i++) {
        List<String> t = expected.get(i);
        List<Object> tshark =
            List.of(
                t.get(0).isEmpty() ? t.get(1) : t.get(0),
                t.get(2).isEmpty() ? t.get(3) : t.get(2),
                Integer.parseInt(t.get(4)),
                Integer.parseInt(t.get(5)),
                Long.parseLong(t.get(6)),
                Long.parseLong(t.get(7)),
                Integer.decode(t.get(8)),
                Integer.parseInt(t.get(9)));
        Row r = rows.get(i);
        List<Object> row = Arrays.stream(TUPLE).map(r::getAs).toList();
        assertThat(row).as(sample.getFileName() + " tcp packet " + i).isEqualTo(tshark);
      }
      packets += rows.size();
    }
    assertThat(samples).hasSizeGreaterThanOrEqualTo(14);
    assertThat(packets).isGreaterThan(1000);
  }

  @Test
  void thePayloadColumnHoldsTheBytesTsharkShows() throws Exception {
    Path sample = repoRoot().resolve(NESTED);
    List<String> expected =
        Tshark.fields(sample, "tcp", "tcp.payload").stream().map(f -> f.get(0)).toList();
    List<String> ours =
        pcap(Map.of(), sample.toString())
            .orderBy("record_offset")
            .select("payload")
            .collectAsList()
            .stream()
            .map(r -> HexFormat.of().formatHex(r.<byte[]>getAs(0)))
            .toList();
    assertThat(ours).isEqualTo(expected);
    assertThat(ours).anyMatch(p -> p.length() > 100);
  }

  @Test
  void onlyTheSelectedColumnsAreRead() {
    Dataset<Row> ports = pcap(Map.of(), repoRoot().resolve(NESTED).toString()).select("src_port");
    String plan = ports.queryExecution().executedPlan().toString();
    assertThat(plan).contains("src_port").doesNotContain("payload");
    assertThat(ports.count()).isPositive();
  }

  @Test
  void tinySplitsReadInManyPartitionsGiveTheRowsOfWholeFiles() {
    String samples = repoRoot().resolve("samples").toString();
    List<String> whole = rowsAsText(pcap(Map.of(), samples));
    spark.conf().set("spark.sql.files.maxPartitionBytes", "16k");
    spark.conf().set("spark.sql.files.openCostInBytes", "8k");
    Dataset<Row> split = pcap(Map.of(), samples);
    assertThat(split.rdd().getNumPartitions()).isGreaterThan(100);
    assertThat(rowsAsText(split)).isEqualTo(whole);
  }

  @Test
  void aGzipCaptureIsReadWholeAndGivesThePlainFilesRows() throws IOException {
    Path plain = dir.resolve("gz/plain.pcap");
    Path gz = dir.resolve("gz/plain.pcap.gz");
    Files.createDirectories(plain.getParent());
    Files.copy(repoRoot().resolve(CUT_FROM), plain);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(plain, out);
    }
    spark.conf().set("spark.sql.files.maxPartitionBytes", "16k");
    Dataset<Row> fromGz = pcap(Map.of(), gz.toString()).drop("path");
    Dataset<Row> fromPlain = pcap(Map.of(), plain.toString()).drop("path");
    assertThat(fromGz.rdd().getNumPartitions()).isEqualTo(1);
    assertThat(fromPlain.rdd().getNumPartitions()).isGreaterThan(10);
    List<String> rows = rowsAsText(fromGz);
    assertThat(rows).hasSizeGreaterThan(100).isEqualTo(rowsAsText(fromPlain));
  }

  @Test
  void aFileThatIsNoCaptureFailsTheReadNamingIt() {
    assertThatThrownBy(() -> pcap(Map.of(), dir.toString()).count())
        .hasStackTraceContaining("garbage.bin")
        .hasStackTraceContaining("not a pcap or pcapng capture: first bytes 3c")
        .hasStackTraceContaining("ignoreCorruptFiles=true skips such files");
  }

  @Test
  void ignoreCorruptFilesSkipsItAndADamagedCaptureGivesItsRecordsBeforeTheDamage()
      throws Exception {
    long expected = goodPackets() + packetsBeforeTheCut();
    assertThat(pcap(Map.of("ignoreCorruptFiles", "true"), dir.toString()).count())
        .isEqualTo(expected);
    spark.conf().set("spark.sql.files.ignoreCorruptFiles", "true");
    assertThat(pcap(Map.of(), dir.toString()).count())
        .as("from the Spark conf")
        .isEqualTo(expected);
  }

  @Test
  void recursiveFileLookupAlsoReadsSubdirectories() throws Exception {
    long nested = Tshark.count(repoRoot().resolve(NESTED), "tcp");
    assertThat(
            pcap(
                    Map.of("ignoreCorruptFiles", "true", "recursiveFileLookup", "true"),
                    dir.toString())
                .where(col("path").endsWith("/sub/nested.pcap"))
                .count())
        .isEqualTo(nested);
    assertThat(
            pcap(Map.of("ignoreCorruptFiles", "true"), dir.toString())
                .where(col("path").contains("/sub/"))
                .count())
        .isZero();
  }

  @Test
  void pathGlobFilterKeepsOnlyMatchingNames() throws Exception {
    Dataset<Row> captures = pcap(Map.of("pathGlobFilter", "*.pcap"), dir.toString());
    assertThat(captures.count()).isEqualTo(goodPackets() + packetsBeforeTheCut());
    assertThat(captures.select("path").distinct().count()).isEqualTo(2);
  }

  @Test
  void modesFailFastOnDamageOrDropTheDamagedRest() throws Exception {
    Map<String, String> failFast = Map.of("pathGlobFilter", "*.pcap", "mode", "failfast");
    long damageAt =
        recordOffsets(Files.readAllBytes(repoRoot().resolve(CUT_FROM))).get(intactRecordsOfCut);
    assertThatThrownBy(() -> pcap(failFast, dir.toString()).count())
        .hasStackTraceContaining("pcap: damaged capture ")
        .hasStackTraceContaining("truncated.pcap at offset " + damageAt + ": ")
        .hasStackTraceContaining("(mode FAILFAST)");
    Map<String, String> drop = Map.of("pathGlobFilter", "*.pcap", "mode", "DROPMALFORMED");
    assertThat(pcap(drop, dir.toString()).count()).isEqualTo(goodPackets() + packetsBeforeTheCut());
  }

  @Test
  void anUnknownModeIsRefusedWithTheAcceptedValues() {
    assertThatThrownBy(() -> pcap(Map.of("mode", "lenient"), dir.toString()))
        .hasMessageContaining(
            "pcap option mode=lenient (expected one of: [PERMISSIVE, DROPMALFORMED, FAILFAST])");
  }

  private static long goodPackets() throws Exception {
    return Tshark.count(repoRoot().resolve(GOOD), "tcp");
  }

  /** tshark on the intact original, limited to the records the cut file still holds whole. */
  private static long packetsBeforeTheCut() throws Exception {
    return Tshark.count(
        repoRoot().resolve(CUT_FROM), "tcp && frame.number <= " + intactRecordsOfCut);
  }

  private static List<String> rowsAsText(Dataset<Row> rows) {
    List<String> text = new ArrayList<>();
    for (Row r : rows.collectAsList()) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.length(); i++) {
        Object v = r.get(i);
        line.append(v instanceof byte[] b ? HexFormat.of().formatHex(b) : String.valueOf(v))
            .append('|');
      }
      text.add(line.toString());
    }
    text.sort(null);
    return text;
  }

  /**
   * Record header offsets of a little-endian classic pcap, walked by hand (24-byte file header,
   * 16-byte record headers, captured length at +8).
   */
  static List<Long> recordOffsets(byte[] pcap) {
    ByteBuffer b = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(b.getInt(0)).isEqualTo(0xa1b2c3d4);
    List<Long> offsets = new ArrayList<>();
    for (long at = 24; at + 16 <= pcap.length; at += 16 + b.getInt((int) at + 8)) {
      offsets.add(at);
    }
    return offsets;
  }
}
