package dev.ftprecon.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on the shared corpus of public captures (skipped where ../shared/corpus/public is
 * absent), compared with MANIFEST.json: the bytes of every transfer as rebuilt from the streams and
 * cross-checked with Zeek's and suricata-verify's baselines. tshark's own export, also in the
 * manifest, is wrong or missing for most of these transfers (it exports no listings, no APPE or
 * STOU, and appends what it saw in capture order), so it is reported beside ours, not used as the
 * oracle.
 */
class PublicCorpusIT extends SparkTestBase {
  /** Oracle statuses whose bytes we must reproduce exactly. */
  private static final Set<String> EXACT = Set.of("complete", "complete_no_fin", "empty");

  /**
   * nDPI's fuzzed copy of suricata-verify's sip.pcap: the same connections with corrupted bytes.
   * One job follows a connection across all its inputs (that is how rotated captures work), so the
   * two copies would be merged into one garbled session; the copy is left out of this run.
   */
  private static final Path FUZZED_COPY = Path.of("ndpi/pcap/fuzz-2006-06-26-2594.pcap");

  @TempDir static Path out;
  @TempDir static Path converted;

  static Path corpus() {
    String override = System.getProperty("ftprecon.corpus");
    return override != null
        ? Path.of(override)
        : repoRoot().resolve("../shared/corpus/public").normalize();
  }

  @Test
  void everyTransferInThePublicCorpusMatchesTheManifest() throws Exception {
    Path corpus = corpus();
    assumeTrue(Files.isRegularFile(corpus.resolve("MANIFEST.json")), "no corpus at " + corpus);
    JsonNode manifest = new ObjectMapper().readTree(corpus.resolve("MANIFEST.json").toFile());
    // Where each manifest capture is read from: in place, or converted to pcap by editcap.
    Map<String, String> readAs = new HashMap<>();
    List<String> inputs = new ArrayList<>();
    try (Stream<Path> files = Files.walk(corpus)) {
      files
          .filter(Files::isRegularFile)
          .filter(f -> !f.endsWith(FUZZED_COPY))
          .map(Path::toString)
          .sorted()
          .forEach(inputs::add);
    }
    for (JsonNode capture : manifest.get("captures")) {
      String path = capture.get("path").asText();
      readAs.put(path, "/" + path);
      if (!capture.get("format").asText().startsWith("pcap")) {
        // Network Monitor and iSeries traces: the product reads pcap and pcapng; editcap (from
        // tshark's package) turns these into pcap, and the originals must show up as unreadable.
        Path pcap = converted.resolve(Path.of(path).getFileName() + ".pcap");
        editcap(corpus.resolve(path), pcap);
        inputs.add(pcap.toString());
        readAs.put(path, "/" + pcap.getFileName());
      }
    }
    reconstruct(out, inputs.toArray(String[]::new));
    List<Row> transfers =
        spark.read().parquet(out.resolve("index/transfers").toString()).collectAsList();
    Map<String, List<String>> sessionCaptures = new HashMap<>();
    for (Row s : spark.read().parquet(out.resolve("index/sessions").toString()).collectAsList()) {
      sessionCaptures.put(s.getAs("session_id"), s.getList(s.fieldIndex("captures")));
    }

    List<String> mismatches = new ArrayList<>();
    int exact = 0;
    int tsharkRight = 0;
    int partial = 0;
    for (JsonNode capture : manifest.get("captures")) {
      String path = capture.get("path").asText();
      String suffix = readAs.get(path);
      if (!capture.get("format").asText().startsWith("pcap")) {
        assertThat(captureStatus("/" + path)).as(path).isEqualTo("unreadable");
      }
      List<Row> ours =
          transfers.stream()
              .filter(
                  t ->
                      sessionCaptures.getOrDefault(t.getAs("session_id"), List.of()).stream()
                          .anyMatch(p -> p.endsWith(suffix)))
              .toList();
      Map<String, Integer> exactOnes = new HashMap<>();
      ours.stream()
          .filter(t -> t.getAs("sha256") != null)
          .forEach(
              t ->
                  exactOnes.merge(
                      key(t.getAs("command"), t.getAs("path"), t.getAs("sha256")),
                      1,
                      Integer::sum));
      for (JsonNode t : capture.get("transfers")) {
        JsonNode expected = t.get("expected");
        if (t.path("data_stream").isMissingNode()
            || t.get("data_stream").isNull()
            || expected == null
            || expected.isNull()) {
          continue;
        }
        String status = expected.get("content_status").asText();
        if (!EXACT.contains(status)) {
          partial++;
          checkPartial(path, t, ours, mismatches);
          continue;
        }
        String k =
            key(
                t.get("command").asText(),
                t.get("filename_arg").asText(),
                expected.get("sha256").asText());
        if (exactOnes.merge(k, -1, Integer::sum) >= 0) {
          exact++;
        } else {
          mismatches.add(path + ": " + k + " (" + status + ", " + t.get("mode").asText() + ")");
        }
        JsonNode tshark = t.get("tshark_export");
        if (tshark != null && !tshark.isNull() && tshark.path("same_as_oracle").asBoolean(false)) {
          tsharkRight++;
        }
      }
    }
    System.out.printf(
        "public corpus: %d transfers byte-exact, %d partial ones with the same bytes present and"
            + " missing, %d differences; tshark's export right for %d%n",
        exact, partial, mismatches.size(), tsharkRight);
    assertThat(mismatches).as("transfers that differ from the manifest").isEmpty();
    assertThat(exact).isGreaterThan(tsharkRight);

    // AUTH TLS (RFC 4217) accepted: flagged, and nothing parsed from the ciphertext after it.
    for (String tls : List.of("zeek/traces/ftp-auth-tls.pcap", "ndpi/pcap/ftp-start-tls.pcap")) {
      List<Row> sessions = sessionsOf("/" + tls);
      assertThat(sessions).as(tls).isNotEmpty();
      assertThat(sessions).allSatisfy(r -> assertThat(r.<Boolean>getAs("tls")).isTrue());
    }
    // Zeek's bruteforce trace: every 530 reply tshark sees is a failed login of ours.
    long refused =
        Tshark.count(corpus.resolve("zeek/traces/bruteforce.pcap"), "ftp.response.code == 530");
    List<Row> attempts = sessionsOf("/zeek/traces/bruteforce.pcap");
    assertThat(refused).isPositive();
    assertThat(attempts.stream().mapToLong(r -> r.<Integer>getAs("failed_logins")).sum())
        .isEqualTo(refused);
    assertThat(attempts).noneMatch(r -> Boolean.TRUE.equals(r.getAs("login_succeeded")));
  }

  /**
   * A transfer the oracle saw only in part (holes, a capture that ends early, no data): never
   * complete here, and where bytes arrived, the same bytes present and the same holes inside the
   * file (ours are zero-filled, the oracle's omitted; bytes announced but never seen after the last
   * one are an extra gap past the file's end).
   */
  private static void checkPartial(
      String path, JsonNode t, List<Row> ours, List<String> mismatches) {
    List<Row> rows =
        ours.stream()
            .filter(r -> t.get("command").asText().equals(r.getAs("command")))
            .filter(r -> t.get("filename_arg").asText().equals(r.getAs("path")))
            .toList();
    String what = path + ": " + t.get("command").asText() + " " + t.get("filename_arg").asText();
    if (rows.size() != 1) {
      mismatches.add(what + ": " + rows.size() + " rows");
      return;
    }
    Row r = rows.get(0);
    if ("complete".equals(r.getAs("status"))) {
      mismatches.add(what + " is partial but ours is complete");
    }
    JsonNode e = t.get("expected");
    if (!e.hasNonNull("size")) {
      return;
    }
    long bytes = r.<Long>getAs("bytes");
    long holes = 0;
    for (Object g : r.getList(r.fieldIndex("gaps"))) {
      Row gap = (Row) g;
      holes += Math.max(0, Math.min(gap.getLong(1), bytes) - gap.getLong(0));
    }
    long oracleHoles = e.path("holes").path("missing_bytes").asLong(0);
    if (bytes - holes != e.get("size").asLong() || holes != oracleHoles) {
      mismatches.add(
          what
              + ": present/holes "
              + (bytes - holes)
              + "/"
              + holes
              + ", oracle "
              + e.get("size")
              + "/"
              + oracleHoles);
    }
  }

  private static void editcap(Path from, Path to) throws Exception {
    Path editcap = Path.of("/usr/bin/editcap");
    assumeTrue(Files.isExecutable(editcap), "editcap is not installed");
    Process p =
        new ProcessBuilder(editcap.toString(), "-F", "pcap", from.toString(), to.toString())
            .inheritIO()
            .start();
    assertThat(p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0).as("editcap " + from).isTrue();
  }

  private static List<Row> sessionsOf(String suffix) {
    return spark.read().parquet(out.resolve("index/sessions").toString()).collectAsList().stream()
        .filter(
            r ->
                r.getList(r.fieldIndex("captures")).stream()
                    .anyMatch(p -> String.valueOf(p).endsWith(suffix)))
        .toList();
  }

  private static String captureStatus(String suffix) {
    return spark.read().parquet(out.resolve("index/captures").toString()).collectAsList().stream()
        .filter(r -> r.<String>getAs("path").endsWith(suffix))
        .map(r -> r.<String>getAs("status"))
        .findFirst()
        .orElse("missing");
  }

  private static String key(String command, String path, String sha256) {
    return command + " '" + path + "' " + sha256;
  }
}
