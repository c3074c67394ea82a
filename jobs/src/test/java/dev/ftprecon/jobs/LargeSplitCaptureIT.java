package dev.ftprecon.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One large capture read in many splits gives the index of the single-split run. The capture is
 * made here from a real sample: its records repeated, copy k with the client at 198.18.(k/256).(k
 * mod 256) instead of 192.0.2.2 and shifted by k × 10 s, IPv4 and TCP checksums adjusted (RFC
 * 1624). Every copy then holds one complete download of the sample's file, whose sha256 is in
 * testdata/expected/.
 *
 * <p>Size and split size: {@code -Dftprecon.large.mib=136 -Dftprecon.large.split=8m} by default (17
 * splits); {@code mvn -Plarge} sets 1100 MiB and 64m, the archive-scale check.
 */
class LargeSplitCaptureIT extends SparkTestBase {
  private static final String SAMPLE = "samples/pasv-download-ipv4-pureftpd-curl.pcap";
  private static final byte[] CLIENT = {(byte) 192, 0, 2, 2};
  private static final int ETHERNET = 14;
  private static final int IPV4_SRC = ETHERNET + 12;
  private static final int IPV4_DST = ETHERNET + 16;
  private static final int IPV4_CHECKSUM = ETHERNET + 10;
  private static final long SHIFT_SECONDS = 10;

  @TempDir static Path in;
  @TempDir static Path single;
  @TempDir static Path split;
  private static int copies;
  private static long splitSize;
  private static int singleTasks;
  private static int splitTasks;

  @BeforeAll
  static void makeTheCaptureAndRunTwice() throws Exception {
    long mib = Long.getLong("ftprecon.large.mib", 136);
    String splitConf = System.getProperty("ftprecon.large.split", "8m");
    splitSize = org.apache.spark.network.util.JavaUtils.byteStringAsBytes(splitConf);
    Path capture = in.resolve("large.pcap");
    copies = write(Files.readAllBytes(repoRoot().resolve(SAMPLE)), mib << 20, capture);

    ScanTasks tasks = ScanTasks.listen(spark);
    spark.conf().set("spark.sql.files.maxPartitionBytes", Long.toString(Files.size(capture) + 1));
    spark.conf().set("spark.sql.files.minPartitionNum", "1");
    reconstruct(single, capture.toString());
    singleTasks = tasks.takeMost(spark);
    spark.conf().set("spark.sql.files.maxPartitionBytes", splitConf);
    reconstruct(split, capture.toString());
    splitTasks = tasks.takeMost(spark);
  }

  @AfterAll
  static void resetConf() {
    if (spark != null) {
      spark.conf().unset("spark.sql.files.maxPartitionBytes");
      spark.conf().unset("spark.sql.files.minPartitionNum");
    }
  }

  @Test
  void theSplitRunHasTheIndexAndFilesOfTheSingleSplitRun() throws Exception {
    IndexSnapshot expected = IndexSnapshot.of(spark, single);
    IndexSnapshot actual = IndexSnapshot.of(spark, split);
    for (String table : IndexSnapshot.TABLES) {
      assertThat(actual.tables().get(table)).as(table).isEqualTo(expected.tables().get(table));
    }
    assertThat(actual.files()).isEqualTo(expected.files());
  }

  @Test
  void theCaptureWasReadInOneSplitThenInManyTasks() throws Exception {
    long size = Files.size(in.resolve("large.pcap"));
    assertThat(singleTasks).as("one split (the hash job is separate)").isEqualTo(1);
    assertThat(splitTasks).as("split tasks").isEqualTo((int) ((size + splitSize - 1) / splitSize));
    assertThat(splitTasks).isGreaterThanOrEqualTo(16);
  }

  @Test
  void everyCopysDownloadIsTheSamplesFileByteExact() throws Exception {
    String sha256 =
        new ObjectMapper()
            .readTree(
                repoRoot()
                    .resolve("testdata/expected/pasv-download-ipv4-pureftpd-curl.pcap.json")
                    .toFile())
            .get("transfers")
            .get(0)
            .get("sha256")
            .asText();
    List<Row> transfers =
        spark.read().parquet(split.resolve("index/transfers").toString()).collectAsList();
    assertThat(transfers).hasSize(copies);
    for (Row t : transfers) {
      assertThat(t.<String>getAs("status")).isEqualTo("complete");
      assertThat(t.<String>getAs("sha256")).isEqualTo(sha256);
    }
    Row capture = spark.read().parquet(split.resolve("index/captures").toString()).first();
    assertThat(capture.<String>getAs("status")).isEqualTo("ok");
    assertThat(capture.<String>getAs("sha256")).isEqualTo(Hashes.sha256(in.resolve("large.pcap")));
  }

  /** Writes copies of the sample's records until {@code target} bytes; returns the copies. */
  private static int write(byte[] sample, long target, Path out) throws IOException {
    ByteBuffer s = ByteBuffer.wrap(sample).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(s.getInt(0)).isEqualTo(0xa1b2c3d4); // little-endian, microseconds
    assertThat(s.getInt(20)).isEqualTo(1); // LINKTYPE_ETHERNET
    int copies = (int) ((target + sample.length - 25) / (sample.length - 24));
    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
      o.write(sample, 0, 24);
      for (int k = 0; k < copies; k++) {
        byte[] client = {(byte) 198, 18, (byte) (k >> 8), (byte) k};
        for (int at = 24; at + 16 <= sample.length; ) {
          int caplen = s.getInt(at + 8);
          byte[] record = java.util.Arrays.copyOfRange(sample, at, at + 16 + caplen);
          ByteBuffer r = ByteBuffer.wrap(record).order(ByteOrder.LITTLE_ENDIAN);
          r.putInt(0, (int) (r.getInt(0) + k * SHIFT_SECONDS));
          readdress(record, 16, caplen, client);
          o.write(record);
          at += 16 + caplen;
        }
      }
    }
    return copies;
  }

  /** Puts {@code client} in place of 192.0.2.2 in an Ethernet/IPv4 frame, checksums adjusted. */
  private static void readdress(byte[] b, int frame, int caplen, byte[] client) {
    if (caplen < ETHERNET + 20 || u16(b, frame + 12) != 0x0800) {
      return; // ARP and the like: copied as they are
    }
    int ihl = (b[frame + ETHERNET] & 0x0F) * 4;
    int tcpChecksum = frame + ETHERNET + ihl + 16;
    boolean tcp = b[frame + ETHERNET + 9] == 6 && caplen >= ETHERNET + ihl + 18;
    for (int field : new int[] {IPV4_SRC, IPV4_DST}) {
      int at = frame + field;
      if (java.util.Arrays.equals(b, at, at + 4, CLIENT, 0, 4)) {
        for (int w = 0; w < 4; w += 2) {
          int old = u16(b, at + w);
          int now = ((client[w] & 0xFF) << 8) | (client[w + 1] & 0xFF);
          adjust(b, frame + IPV4_CHECKSUM, old, now);
          if (tcp) {
            adjust(b, tcpChecksum, old, now); // the pseudo-header holds the addresses
          }
        }
        System.arraycopy(client, 0, b, at, 4);
      }
    }
  }

  /** RFC 1624 eqn. 3: HC' = ~(~HC + ~m + m'), one's complement arithmetic. */
  private static void adjust(byte[] b, int at, int oldWord, int newWord) {
    int sum = (~u16(b, at) & 0xFFFF) + (~oldWord & 0xFFFF) + newWord;
    sum = (sum & 0xFFFF) + (sum >>> 16);
    sum = (sum & 0xFFFF) + (sum >>> 16);
    int checksum = ~sum & 0xFFFF;
    b[at] = (byte) (checksum >> 8);
    b[at + 1] = (byte) checksum;
  }

  private static int u16(byte[] b, int at) {
    return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
  }
}
