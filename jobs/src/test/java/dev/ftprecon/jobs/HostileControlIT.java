package dev.ftprecon.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.jdk.javaapi.CollectionConverters;

/**
 * testdata/hostile/control/ end to end: real sessions whose control connection carries an endless
 * line, a flood of PASV replies and refused transfers, pipelined commands, garbage lines, and a
 * PORT naming a third party. One run takes all five (with --max-channels 100, which the PASV flood
 * exceeds; the generator keeps the sessions apart); the file, its sha256 (the original file's, from
 * testdata/expected/) and the session anomalies come from hostile-control.expected.json, written by
 * the generator from what it inserted, not from our output.
 */
class HostileControlIT extends SparkTestBase {
  private static final String EXPECTED = "testdata/hostile/control/hostile-control.expected.json";

  @TempDir static Path root;

  /** Per capture name (endless-line, ...): its expectations. */
  private static final Map<String, JsonNode> expected = new LinkedHashMap<>();

  private static final Map<String, List<Row>> tables = new LinkedHashMap<>();
  private static Path out;

  @BeforeAll
  static void run() throws Exception {
    JsonNode all = new ObjectMapper().readTree(repoRoot().resolve(EXPECTED).toFile());
    out = root.resolve("OUT");
    List<String> args = new ArrayList<>(List.of("-o", out.toString()));
    for (JsonNode c : all.get("captures")) {
      String capture = c.get("capture").asText();
      expected.put(Path.of(capture).getFileName().toString().replace(".pcap", ""), c);
      if (c.has("max_channels")) {
        args.addAll(List.of("--max-channels", c.get("max_channels").asText()));
      }
      args.add(repoRoot().resolve(capture).toString());
    }
    new FtpReconstructJob(spark, ReconstructOptions.parse(args.toArray(String[]::new))).run();
    for (String table : List.of("sessions", "transfers", "commands")) {
      tables.put(
          table,
          spark.read().parquet(out.resolve("index").resolve(table).toString()).collectAsList());
    }
  }

  @Test
  void eachCaptureIsOneSessionOfItsOwn() {
    assertThat(tables.get("sessions")).hasSize(expected.size());
    for (String name : expected.keySet()) {
      assertThat(session(name)).as(name).isNotNull();
    }
  }

  @Test
  void everyCaptureStillYieldsItsFileByteExactAndItsAnomaliesExactly() throws Exception {
    assertThat(expected.keySet())
        .containsExactly("endless-line", "pasv-flood", "pipelined", "garbage-lines", "ftp-bounce");
    for (String name : expected.keySet()) {
      JsonNode e = expected.get(name);
      Row t = theTransfer(name);
      assertThat(t.<String>getAs("status")).as(name).isEqualTo("complete");
      assertThat(t.<Long>getAs("bytes")).as(name).isEqualTo(e.get("bytes").asLong());
      assertThat(t.<String>getAs("sha256")).as(name).isEqualTo(e.get("sha256").asText());
      byte[] file = Files.readAllBytes(out.resolve(t.<String>getAs("file")));
      assertThat(sha256(file)).as(name).isEqualTo(e.get("sha256").asText());

      Map<String, Integer> anomalies = new LinkedHashMap<>();
      CollectionConverters.asJava(
              session(name).<scala.collection.Map<String, Integer>>getAs("anomalies"))
          .forEach(anomalies::put);
      Map<String, Integer> wanted = new LinkedHashMap<>();
      e.get("anomalies")
          .fields()
          .forEachRemaining(f -> wanted.put(f.getKey(), f.getValue().asInt()));
      assertThat(anomalies).as(name).isEqualTo(wanted);
    }
  }

  @Test
  void theEndlessLineIsKeptUpToTheCapAndAnsweredByItsReply() {
    Row noop =
        table("endless-line", "commands").stream()
            .filter(r -> "NOOP".equals(r.getAs("command")))
            .findFirst()
            .orElseThrow();
    // --max-line-bytes (default 16384) keeps the line's first 16384 bytes: "NOOP " and the rest.
    assertThat(noop.<String>getAs("arg")).isEqualTo("A".repeat(16_384 - "NOOP ".length()));
    assertThat(noop.<Integer>getAs("reply_code")).isEqualTo(500);
  }

  @Test
  void aPasvFloodKeepsAtMostMaxChannelsAndTheRealTransferOverRefusedOnes() {
    JsonNode e = expected.get("pasv-flood");
    List<Row> transfers = table("pasv-flood", "transfers");
    assertThat(transfers).hasSize(e.get("max_channels").asInt());
    assertThat(transfers)
        .filteredOn(r -> "failed".equals(r.getAs("status")))
        .hasSize(e.get("max_channels").asInt() - 1)
        .allSatisfy(r -> assertThat(r.<Integer>getAs("reply_code")).isEqualTo(425));
  }

  @Test
  void pipelinedCommandsTakeEffectInOrder() {
    JsonNode e = expected.get("pipelined");
    Row t = theTransfer("pipelined");
    assertThat(t.<String>getAs("transfer_type")).isEqualTo(e.get("transfer_type").asText());
    assertThat(t.<Long>getAs("expected_bytes")).isEqualTo(e.get("expected_bytes").asLong());
    assertThat(t.<String>getAs("mode")).isEqualTo("PASV");
  }

  @Test
  void garbageServerLinesAreKeptAsRepliesWithoutACommand() {
    assertThat(table("garbage-lines", "commands"))
        .extracting(r -> r.<String>getAs("reply_text"))
        .contains("hello from a middlebox", "2x0 almost a code");
  }

  @Test
  void anFtpBounceIsFlaggedOnTheTransferToo() {
    assertThat(theTransfer("ftp-bounce").<Boolean>getAs("announced_address_differs")).isTrue();
    assertThat(theTransfer("ftp-bounce").<String>getAs("mode")).isEqualTo("PORT");
  }

  private static Row theTransfer(String name) {
    String path = expected.get(name).get("path").asText();
    List<Row> rows =
        table(name, "transfers").stream().filter(r -> path.equals(r.getAs("path"))).toList();
    assertThat(rows).as(name + ": transfers of " + path).hasSize(1);
    return rows.get(0);
  }

  /** The session of capture {@code name}: the one on its control client port. */
  private static Row session(String name) {
    int port = expected.get(name).get("control_client_port").asInt();
    List<Row> rows =
        tables.get("sessions").stream()
            .filter(r -> Integer.valueOf(port).equals(r.getAs("client_port")))
            .toList();
    assertThat(rows).as(name + ": sessions on client port " + port).hasSize(1);
    return rows.get(0);
  }

  /** The rows of {@code table} that belong to the session of capture {@code name}. */
  private static List<Row> table(String name, String table) {
    String id = session(name).getAs("session_id");
    return tables.get(table).stream().filter(r -> id.equals(r.getAs("session_id"))).toList();
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
