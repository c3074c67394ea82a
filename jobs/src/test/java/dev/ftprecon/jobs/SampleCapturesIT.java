package dev.ftprecon.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on the real captures in samples/ (made by scripts/make-sample-captures.sh with real
 * servers and clients). Expectations in testdata/expected/ come from the original files' sha256 and
 * were checked against tshark's follow-stream output when the captures were made.
 */
class SampleCapturesIT extends SparkTestBase {
  @TempDir static Path out;
  private static JobSummary summary;
  private static List<Row> transfers;
  private static List<Row> sessions;
  private static List<Row> captures;

  @BeforeAll
  static void runTheJobOnTheSamples() throws Exception {
    summary = reconstruct(out, repoRoot().resolve("samples").toString());
    transfers = spark.read().parquet(out.resolve("index/transfers").toString()).collectAsList();
    sessions = spark.read().parquet(out.resolve("index/sessions").toString()).collectAsList();
    captures = spark.read().parquet(out.resolve("index/captures").toString()).collectAsList();
  }

  @Test
  void everyTransferOfEverySampleIsReconstructedByteExact() throws IOException {
    int checked = 0;
    for (JsonNode expected : expectations()) {
      String capture = expected.get("capture").asText();
      for (JsonNode t : expected.get("transfers")) {
        Row row = onlyTransfer(capture, t.get("command").asText(), t.get("path").asText());
        String what = capture + " " + t.get("command").asText() + " " + t.get("path").asText();
        assertThat(row.<String>getAs("mode")).as(what).isEqualTo(t.get("mode").asText());
        assertThat(row.<String>getAs("direction")).as(what).isEqualTo(t.get("direction").asText());
        assertThat(row.<Integer>getAs("ip_version"))
            .as(what)
            .isEqualTo(t.get("ip_version").asInt());
        assertThat(row.<String>getAs("user")).as(what).isEqualTo(t.get("user").asText());
        if (t.has("rest_offset")) {
          assertThat(row.<Long>getAs("rest_offset"))
              .as(what)
              .isEqualTo(t.get("rest_offset").asLong());
        }
        if (t.has("reply_code")) {
          assertThat(row.<Integer>getAs("reply_code"))
              .as(what)
              .isEqualTo(t.get("reply_code").asInt());
        }
        if (t.hasNonNull("sha256")) {
          assertThat(row.<String>getAs("status")).as(what).isEqualTo("complete");
          assertThat(row.<Long>getAs("bytes")).as(what).isEqualTo(t.get("bytes").asLong());
          assertThat(row.<String>getAs("sha256")).as(what).isEqualTo(t.get("sha256").asText());
          assertThat(row.<String>getAs("md5")).as(what).isEqualTo(t.get("md5").asText());
          assertThat(row.<Long>getAs("missing_bytes")).as(what).isZero();
          Path file = out.resolve(row.<String>getAs("file"));
          assertThat(Hashes.sha256(file))
              .as(what + " file on disk")
              .isEqualTo(t.get("sha256").asText());
        } else {
          assertThat(row.<String>getAs("status")).as(what).isIn("failed", "no_data");
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(10);
    assertThat(transfers).hasSize(checked);
  }

  @Test
  void everySessionHasTheUserAndPasswordTheClientSent() throws IOException {
    for (JsonNode expected : expectations()) {
      for (JsonNode s : expected.get("sessions")) {
        List<Row> matching =
            sessions.stream()
                .filter(r -> s.get("client_ip").asText().equals(r.getAs("client_ip")))
                .filter(r -> s.get("server_ip").asText().equals(r.getAs("server_ip")))
                .filter(r -> inCapture(r, expected.get("capture").asText()))
                .toList();
        assertThat(matching).as(expected.get("capture").asText()).isNotEmpty();
        for (Row r : matching) {
          assertThat(r.<String>getAs("user")).isEqualTo(s.get("user").asText());
          assertThat(r.<String>getAs("password")).isEqualTo(s.get("password").asText());
        }
      }
    }
  }

  @Test
  void everySampleIsListedAsAnIntactCaptureWithItsSha256() throws IOException {
    try (Stream<Path> files = Files.list(repoRoot().resolve("samples"))) {
      List<Path> samples = files.filter(Files::isRegularFile).toList();
      assertThat(captures).hasSameSizeAs(samples);
      for (Path sample : samples) {
        Row row =
            captures.stream()
                .filter(r -> r.<String>getAs("path").endsWith("/samples/" + sample.getFileName()))
                .findFirst()
                .orElseThrow();
        assertThat(row.<String>getAs("status")).isEqualTo("ok");
        assertThat(row.<String>getAs("sha256")).isEqualTo(Hashes.sha256(sample));
        assertThat(row.<Long>getAs("bytes")).isEqualTo(Files.size(sample));
        assertThat(row.<Long>getAs("packets")).isPositive();
      }
    }
    assertThat(summary.damagedCaptures()).isZero();
    assertThat(summary.unreadableCaptures()).isZero();
  }

  @Test
  void everyReconstructedFileLiesUnderTheFilesDirectory() throws IOException {
    for (Row row : transfers) {
      String file = row.getAs("file");
      if (file != null) {
        Path path = out.resolve(file).normalize();
        assertThat(path).startsWith(out.resolve("files")).exists();
      }
    }
  }

  @Test
  void everyFileTypeAgreesWithLibmagic() throws Exception {
    Path fileCommand = Path.of("/usr/bin/file");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(fileCommand), "no file(1)");
    int compared = 0;
    for (Row row : transfers) {
      String file = row.getAs("file");
      if (file == null || row.<Long>getAs("bytes") == 0) {
        continue; // libmagic calls an empty file inode/x-empty, which is no media type
      }
      Process p =
          new ProcessBuilder(
                  fileCommand.toString(), "--brief", "--mime-type", out.resolve(file).toString())
              .start();
      String magic = new String(p.getInputStream().readAllBytes()).strip();
      p.waitFor();
      if (magic.equals("application/octet-stream")
          && describe(fileCommand, out.resolve(file)).startsWith("pcapng capture file")) {
        // Debian 12's libmagic names pcapng ("pcapng capture file - version 1.0") but maps it to no
        // media type; IANA registered application/vnd.tcpdump.pcapng for it.
        magic = "application/vnd.tcpdump.pcapng";
      }
      assertThat(row.<String>getAs("mime_type")).as(file).isEqualTo(magic);
      compared++;
    }
    assertThat(compared).isGreaterThanOrEqualTo(15);
  }

  private static String describe(Path fileCommand, Path file) throws Exception {
    Process p = new ProcessBuilder(fileCommand.toString(), "--brief", file.toString()).start();
    String description = new String(p.getInputStream().readAllBytes()).strip();
    p.waitFor();
    return description;
  }

  private static Row onlyTransfer(String capture, String command, String path) {
    List<Row> rows = new ArrayList<>();
    for (Row r : transfers) {
      if (command.equals(r.getAs("command"))
          && path.equals(r.getAs("path"))
          && sessionInCapture(r.getAs("session_id"), capture)) {
        rows.add(r);
      }
    }
    assertThat(rows).as(capture + " " + command + " " + path).hasSize(1);
    return rows.get(0);
  }

  private static boolean sessionInCapture(String sessionId, String capture) {
    return sessions.stream()
        .anyMatch(s -> sessionId.equals(s.getAs("session_id")) && inCapture(s, capture));
  }

  private static boolean inCapture(Row session, String capture) {
    return session.getList(session.fieldIndex("captures")).stream()
        .anyMatch(p -> String.valueOf(p).endsWith("/" + capture));
  }

  private static List<JsonNode> expectations() throws IOException {
    List<JsonNode> list = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(repoRoot().resolve("testdata/expected"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        list.add(json.readTree(f.toFile()));
      }
    }
    assertThat(list).isNotEmpty();
    return list;
  }
}
