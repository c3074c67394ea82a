package dev.ftprecon.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftprecon.jobs.NotebookCells.SqlCell;
import dev.ftprecon.jobs.sql.IndexViews;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code %%sql} cell of every notebook in notebooks/, run with Spark SQL against indexes the
 * job built from the real captures, with the answers a person would expect. Expectations come from
 * elsewhere: testdata/expected/*.json (the sha256 of the files the servers and clients had on
 * disk), the fault generator's expected.json, tshark's reading of the captures, and the public
 * corpus's MANIFEST.json (skipped where the corpus is absent).
 *
 * <p>One index per set of captures that do not share traffic: the fault captures are edited copies
 * of the samples, with the same connections, so each gets an index of its own.
 */
class NotebooksIT extends SparkTestBase {
  private static final String SAMPLES = "samples";
  private static final String CORPUS = "corpus";
  private static final List<String> FAULTS = List.of("drop", "truncate", "rst-midway");
  private static final String DAYS = "port-reuse-days";

  /** Public captures: Zeek's FTP brute-force trace and suricata-verify's ten anonymous sessions. */
  private static final List<String> CORPUS_CAPTURES =
      List.of(
          "zeek/traces/bruteforce.pcap",
          "suricata-verify/tests/ftp/ftp-ippair-leak-5204/input.pcap");

  /** The cells checked below; a cell added to a notebook without a check here fails the build. */
  private static final Set<String> CHECKED =
      Set.of(
          "moved",
          "largest",
          "sightings",
          "repeated",
          "failed_logins",
          "failed_per_minute",
          "credentials",
          "per_day",
          "per_hour",
          "incomplete",
          "incomplete_summary",
          "damaged_captures");

  /**
   * A refused download (550) had a data connection that carried nothing: its digest is that of zero
   * bytes (FIPS 180-4 test vector).
   */
  private static final String SHA256_OF_NOTHING =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @TempDir static Path out;
  private static List<SqlCell> cells;

  /** index name, cell name: rows. */
  private static final Map<String, Map<String, List<Row>>> results = new TreeMap<>();

  private static final Map<String, String> wantedSha256 = new HashMap<>();
  private static final Map<String, Set<String>> checkedCells = new TreeMap<>();

  @BeforeAll
  static void buildTheIndexesAndRunEveryCell() throws Exception {
    spark.conf().set("spark.sql.session.timeZone", "UTC");
    cells = new ArrayList<>();
    for (Path nb : NotebookCells.notebooks(repoRoot().resolve("notebooks"))) {
      cells.addAll(NotebookCells.sqlCells(nb));
    }
    Map<String, List<String>> inputs = new LinkedHashMap<>();
    inputs.put(SAMPLES, List.of(repoRoot().resolve("samples").toString()));
    for (String fault : FAULTS) {
      inputs.put(fault, List.of(faultCapture(fault).toString()));
    }
    inputs.put(DAYS, List.of(faultCapture(DAYS).toString()));
    if (corpusPresent()) {
      inputs.put(
          CORPUS, CORPUS_CAPTURES.stream().map(c -> corpus().resolve(c).toString()).toList());
    }
    for (Map.Entry<String, List<String>> index : inputs.entrySet()) {
      Path o = out.resolve(index.getKey());
      reconstruct(o, index.getValue().toArray(String[]::new));
      IndexViews.register(spark, o.toString());
      Map<String, List<Row>> byCell = new TreeMap<>();
      for (SqlCell cell : cells) {
        List<Row> rows = spark.sql(cell.sql()).collectAsList();
        if (cell.name() != null) {
          byCell.put(cell.name(), rows);
        }
      }
      wantedSha256.put(index.getKey(), spark.sql("SELECT wanted_sha256").first().getString(0));
      results.put(index.getKey(), byCell);
    }
  }

  @Test
  void everySqlCellOfEveryNotebookIsRunAndChecked() {
    assertThat(cells).hasSizeGreaterThanOrEqualTo(CHECKED.size());
    Set<String> named = new TreeSet<>();
    for (SqlCell cell : cells) {
      if (cell.name() == null) {
        // Only statements that set something up for the next cells may go without a result.
        assertThat(cell.sql()).as(cell.toString()).matches("(?is)^(DECLARE|SET)\\b.*");
      } else {
        assertThat(named.add(cell.name())).as("cell names are unique: " + cell).isTrue();
      }
    }
    assertThat(named).containsExactlyInAnyOrderElementsOf(CHECKED);
    assertThat(results.get(SAMPLES)).containsOnlyKeys(CHECKED);
  }

  // transfers.ipynb

  @Test
  void movedListsEveryUploadAndDownloadOfTheSamplesWithWhoAndWhere() throws IOException {
    List<String> expected = new ArrayList<>();
    for (ExpectedSamples.Transfer t : ExpectedSamples.transfers(repoRoot())) {
      if (t.direction().equals("upload") || t.direction().equals("download")) {
        expected.add(
            String.join(
                "|",
                t.direction(),
                t.user(),
                t.clientIp(),
                t.serverIp(),
                String.valueOf(t.serverPort()),
                t.command(),
                t.path(),
                t.sha256() != null || t.bytes() > 0 ? t.sha256() : SHA256_OF_NOTHING));
      }
    }
    List<Row> rows = rows(SAMPLES, "moved");
    List<String> actual =
        rows.stream()
            .map(
                r ->
                    String.join(
                        "|",
                        r.getAs("direction"),
                        r.getAs("user"),
                        r.getAs("client_ip"),
                        r.getAs("server_ip"),
                        String.valueOf(r.<Integer>getAs("server_port")),
                        r.getAs("command"),
                        r.getAs("path"),
                        String.valueOf(r.<String>getAs("sha256"))))
            .toList();
    assertThat(expected).hasSizeGreaterThanOrEqualTo(12);
    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    assertInTimeOrder(rows, "start_time");
    checked(SAMPLES, "moved");
  }

  @Test
  void movedShowsTheFiveDownloadsOfTheFiveDays() throws IOException {
    JsonNode json = faultJson(DAYS);
    Set<String> shas = new TreeSet<>();
    json.get("transfers").forEach(t -> shas.add(t.get("expected").get("sha256").asText()));
    List<Row> rows = rows(DAYS, "moved");
    assertThat(rows).hasSize(json.get("transfers").size());
    assertThat(rows)
        .allSatisfy(r -> assertThat(r.<String>getAs("direction")).isEqualTo("download"));
    assertThat(rows.stream().map(r -> r.<String>getAs("sha256")).toList())
        .containsExactlyInAnyOrderElementsOf(shas);
    assertInTimeOrder(rows, "start_time");
    checked(DAYS, "moved");
  }

  @Test
  void largestAreTheTenBiggestFilesOfTheSamples() throws IOException {
    List<String> expected =
        ExpectedSamples.transfers(repoRoot()).stream()
            .sorted((a, b) -> Long.compare(b.bytes(), a.bytes()))
            .limit(10)
            .map(t -> t.path() + "|" + t.bytes())
            .toList();
    List<String> actual =
        rows(SAMPLES, "largest").stream()
            .map(r -> r.<String>getAs("path") + "|" + r.<Long>getAs("bytes"))
            .toList();
    assertThat(actual).containsExactlyElementsOf(expected);
    checked(SAMPLES, "largest");
  }

  @Test
  void sightingsFindTheDeclaredHashInTheSessionsThatMovedIt() throws IOException {
    String wanted = wantedSha256.get(SAMPLES);
    List<String> expected =
        ExpectedSamples.transfers(repoRoot()).stream()
            .filter(t -> wanted.equals(t.sha256()))
            .map(
                t ->
                    t.path()
                        + "|"
                        + t.user()
                        + "|"
                        + t.clientIp()
                        + "|"
                        + t.serverIp()
                        + "|"
                        + t.capture())
            .toList();
    assertThat(expected).isNotEmpty();
    List<String> actual =
        rows(SAMPLES, "sightings").stream()
            .map(
                r ->
                    r.<String>getAs("path")
                        + "|"
                        + r.getAs("user")
                        + "|"
                        + r.getAs("client_ip")
                        + "|"
                        + r.getAs("server_ip")
                        + "|"
                        + Path.of(r.<String>getAs("capture").replaceFirst("^file:", ""))
                            .getFileName())
            .toList();
    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    // The drop capture lost segments: its file is not the original, so the hash finds nothing.
    assertThat(faultJson("drop").get("expected").get("sha256").asText()).isNotEqualTo(wanted);
    assertThat(rows("drop", "sightings")).isEmpty();
    checked(SAMPLES, "sightings");
    checked("drop", "sightings");
  }

  @Test
  void repeatedIsEmptyForTheSamplesWhoseFilesAllDiffer() throws IOException {
    Map<String, Set<String>> sessionsBySha = new TreeMap<>();
    for (ExpectedSamples.Transfer t : ExpectedSamples.transfers(repoRoot())) {
      if (t.sha256() != null && t.bytes() > 0) {
        sessionsBySha
            .computeIfAbsent(t.sha256(), k -> new TreeSet<>())
            .add(t.capture() + "#" + t.session());
      }
    }
    Map<String, Long> expected = new TreeMap<>();
    sessionsBySha.forEach(
        (sha, s) -> {
          if (s.size() > 1) expected.put(sha, (long) s.size());
        });
    assertThat(bySha(rows(SAMPLES, "repeated"))).isEqualTo(expected);
    checked(SAMPLES, "repeated");
  }

  @Test
  void repeatedFindsTheFilesTheCorpusSessionsFetchedAgain() throws IOException {
    assumeTrue(corpusPresent(), "no public corpus");
    Map<String, Long> expected = new TreeMap<>();
    for (JsonNode capture : corpusManifest()) {
      Map<String, Set<Integer>> streams = new TreeMap<>();
      for (JsonNode t : capture.get("transfers")) {
        JsonNode e = t.get("expected");
        if (e.path("content_status").asText().equals("complete") && e.path("size").asLong() > 0) {
          streams
              .computeIfAbsent(e.get("sha256").asText(), k -> new TreeSet<>())
              .add(t.get("control_stream").asInt());
        }
      }
      streams.forEach(
          (sha, s) -> {
            if (s.size() > 1) expected.merge(sha, (long) s.size(), Long::sum);
          });
    }
    assertThat(expected).hasSize(2).containsValue(10L);
    assertThat(bySha(rows(CORPUS, "repeated"))).isEqualTo(expected);
    checked(CORPUS, "repeated");
  }

  // logins.ipynb

  @Test
  void failedLoginsAreNoneInTheSamplesAsTsharkSeesNo530() throws Exception {
    long tshark530 = 0;
    for (Path capture : sampleCaptures()) {
      tshark530 += failedLogins(capture);
    }
    // One sample has a 530, but to OPTS before USER (lftp): no login failed.
    assertThat(tshark530).isZero();
    assertThat(sum(rows(SAMPLES, "failed_logins"), "failed_logins")).isEqualTo(tshark530);
    assertThat(sum(rows(SAMPLES, "failed_per_minute"), "failed_passwords")).isEqualTo(tshark530);
    checked(SAMPLES, "failed_logins");
    checked(SAMPLES, "failed_per_minute");
  }

  @Test
  void failedLoginsShowTheBruteForceZeekNoticed() throws Exception {
    assumeTrue(corpusPresent(), "no public corpus");
    Path bruteforce = corpus().resolve(CORPUS_CAPTURES.get(0));
    long tshark530 = 0;
    for (String c : CORPUS_CAPTURES) {
      tshark530 += failedLogins(corpus().resolve(c));
    }
    List<Row> rows = rows(CORPUS, "failed_logins");
    assertThat(sum(rows, "failed_logins")).isEqualTo(tshark530);
    // Zeek's baseline notice: "192.168.56.1 had 20 failed logins on 1 FTP server in 0m37s" (its
    // threshold is 20, so at least that many).
    Row attacker = rows.get(0);
    assertThat(attacker.<String>getAs("client_ip")).isEqualTo("192.168.56.1");
    assertThat(attacker.<String>getAs("server_ip")).isEqualTo("192.168.56.101");
    assertThat(attacker.<Long>getAs("failed_logins"))
        .isEqualTo(failedLogins(bruteforce))
        .isGreaterThanOrEqualTo(20);
    assertThat(attacker.<Long>getAs("sessions_logged_in"))
        .isEqualTo(Tshark.count(bruteforce, "ftp.response.code == 230"));
    assertThat(attacker.<Boolean>getAs("looks_like_brute_force")).isTrue();
    // Every 530 in these traces answers a PASS (USER, PASS, QUIT per session in the manifest).
    assertThat(sum(rows(CORPUS, "failed_per_minute"), "failed_passwords")).isEqualTo(tshark530);
    checked(CORPUS, "failed_logins");
    checked(CORPUS, "failed_per_minute");
  }

  @Test
  void credentialsAreTheUserAndPasswordPairsOfTheSamples() throws IOException {
    Set<String> expected = new TreeSet<>();
    long sessions = 0;
    for (JsonNode capture : ExpectedSamples.captures(repoRoot())) {
      for (JsonNode s : capture.get("sessions")) {
        expected.add(
            cred(
                s.get("server_ip").asText(),
                s.get("server_port").asInt(),
                s.get("user").asText(),
                s.get("password").asText()));
        sessions++;
      }
    }
    List<Row> rows = rows(SAMPLES, "credentials");
    assertThat(rows.stream().map(NotebooksIT::cred).toList())
        .containsExactlyInAnyOrderElementsOf(expected);
    // Every sample session logged in: each moved a file or got a reply to its command.
    assertThat(rows).allSatisfy(r -> assertThat(r.<Boolean>getAs("login_succeeded")).isTrue());
    assertThat(sum(rows, "sessions")).isEqualTo(sessions);
    checked(SAMPLES, "credentials");
  }

  @Test
  void credentialsAreThePairsTsharkSeesInTheCorpus() throws Exception {
    assumeTrue(corpusPresent(), "no public corpus");
    Set<String> expected = new TreeSet<>();
    for (String c : CORPUS_CAPTURES) {
      // Per TCP stream, the last USER and PASS (as the sessions table keeps them).
      Map<String, String[]> byStream = new TreeMap<>();
      for (List<String> f :
          Tshark.fields(
              corpus().resolve(c),
              "ftp.request.command == \"USER\" || ftp.request.command == \"PASS\"",
              "tcp.stream",
              "ip.dst",
              "tcp.dstport",
              "ftp.request.command",
              "ftp.request.arg")) {
        String[] cred = byStream.computeIfAbsent(f.get(0), k -> new String[4]);
        cred[0] = f.get(1);
        cred[1] = f.get(2);
        cred[f.get(3).equals("USER") ? 2 : 3] = f.get(4);
      }
      byStream.values().forEach(v -> expected.add(cred(v[0], Integer.parseInt(v[1]), v[2], v[3])));
    }
    List<String> actual = rows(CORPUS, "credentials").stream().map(NotebooksIT::cred).toList();
    assertThat(expected).hasSizeGreaterThanOrEqualTo(30);
    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    checked(CORPUS, "credentials");
  }

  // timeline.ipynb

  @Test
  void perDayCountsTheSamplesTransfersPerServerOnTheirCaptureDay() throws Exception {
    Map<String, Long> expected = new TreeMap<>();
    Map<String, Long> perServer = new TreeMap<>();
    for (JsonNode capture : ExpectedSamples.captures(repoRoot())) {
      Path file = repoRoot().resolve(capture.get("capture").asText());
      String day = utcDay(firstFrameEpoch(file));
      for (JsonNode t : capture.get("transfers")) {
        String server =
            capture.get("sessions").get(t.get("session").asInt()).get("server_ip").asText();
        expected.merge(day + "|" + server, 1L, Long::sum);
        perServer.merge(server, 1L, Long::sum);
      }
    }
    assertThat(perDay(SAMPLES)).isEqualTo(expected);
    Map<String, Long> hours = new TreeMap<>();
    rows(SAMPLES, "per_hour")
        .forEach(
            r -> hours.merge(r.<String>getAs("server_ip"), r.<Long>getAs("transfers"), Long::sum));
    assertThat(hours).isEqualTo(perServer);
    checked(SAMPLES, "per_day");
    checked(SAMPLES, "per_hour");
  }

  @Test
  void perDayShowsOneTransferOnEachOfTheFiveDays() throws Exception {
    // tshark: the days on which the data connections (to the PASV port 30109) were opened.
    Map<String, Long> expected = new TreeMap<>();
    for (List<String> f :
        Tshark.fields(
            faultCapture(DAYS),
            "tcp.flags.syn == 1 && tcp.flags.ack == 0 && tcp.dstport == 30109",
            "frame.time_epoch",
            "ip.dst")) {
      expected.merge(utcDay(Double.parseDouble(f.get(0))) + "|" + f.get(1), 1L, Long::sum);
    }
    assertThat(expected).hasSize(5);
    assertThat(perDay(DAYS)).isEqualTo(expected);
    checked(DAYS, "per_day");
  }

  // incomplete.ipynb

  @Test
  void incompleteListsTheSamplesRefusedDownload() throws IOException {
    List<ExpectedSamples.Transfer> refused =
        ExpectedSamples.transfers(repoRoot()).stream().filter(t -> t.sha256() == null).toList();
    List<Row> rows = rows(SAMPLES, "incomplete");
    assertThat(refused).hasSize(1);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).<String>getAs("path")).isEqualTo(refused.get(0).path());
    assertThat(rows.get(0).<Integer>getAs("reply_code")).isEqualTo(refused.get(0).replyCode());
    assertThat(rows.get(0).<String>getAs("status")).isEqualTo("failed");
    assertThat(rows.get(0).<String>getAs("why")).isEqualTo("the server refused the command");
    List<Row> summary = rows(SAMPLES, "incomplete_summary");
    assertThat(summary).hasSize(1);
    assertThat(summary.get(0).<Long>getAs("transfers")).isEqualTo(1L);
    checked(SAMPLES, "incomplete");
    checked(SAMPLES, "incomplete_summary");
  }

  @Test
  void incompleteExplainsEachFaultWithTheGapsTheGeneratorMade() throws IOException {
    Map<String, String> why =
        Map.of(
            "drop", "segments missing from the capture",
            "truncate", "snap length cut packets",
            "rst-midway", "the data connection was reset");
    for (String fault : FAULTS) {
      JsonNode e = faultJson(fault).get("expected");
      List<Row> rows = rows(fault, "incomplete");
      assertThat(rows).as(fault).hasSize(1);
      Row r = rows.get(0);
      assertThat(r.<String>getAs("status")).as(fault).isEqualTo(e.get("status").asText());
      assertThat(r.<String>getAs("why")).as(fault).contains(why.get(fault));
      assertThat(r.<Long>getAs("missing_bytes"))
          .as(fault)
          .isEqualTo(e.get("missing_bytes").asLong());
      assertThat(r.<Long>getAs("bytes")).as(fault).isEqualTo(e.get("bytes").asLong());
      assertThat(r.<Integer>getAs("gap_count")).as(fault).isEqualTo(e.get("gaps").size());
      List<Row> gaps = r.getList(r.fieldIndex("gaps"));
      for (int i = 0; i < gaps.size(); i++) {
        assertThat(new long[] {gaps.get(i).getLong(0), gaps.get(i).getLong(1)})
            .as(fault + " gap " + i)
            .containsExactly(
                e.get("gaps").get(i).get(0).asLong(), e.get("gaps").get(i).get(1).asLong());
      }
      List<Row> summary = rows(fault, "incomplete_summary");
      assertThat(summary).as(fault).hasSize(1);
      assertThat(summary.get(0).<Long>getAs("bytes_present"))
          .as(fault)
          .isEqualTo(e.get("bytes").asLong() - e.get("missing_bytes").asLong());
      checked(fault, "incomplete");
      checked(fault, "incomplete_summary");
    }
  }

  @Test
  void damagedCapturesIsEmptyForCapturesTsharkReadsToTheEnd() throws Exception {
    // tshark reads every frame capinfos counts; a damaged file makes tshark fail (exit 2).
    for (Path capture : sampleCaptures()) {
      assertThat(Tshark.count(capture, "frame")).as(capture.toString()).isPositive();
    }
    assertThat(rows(SAMPLES, "damaged_captures")).isEmpty();
    checked(SAMPLES, "damaged_captures");
  }

  /** Run last: each cell of the notebooks was asserted on by some test above, on some index. */
  @AfterAll
  static void everyCellWasAssertedOn() {
    assertThat(checkedCells.keySet()).containsExactlyInAnyOrderElementsOf(CHECKED);
  }

  // helpers

  private static void checked(String index, String cell) {
    synchronized (checkedCells) {
      checkedCells.computeIfAbsent(cell, k -> new TreeSet<>()).add(index);
    }
  }

  private static List<Row> rows(String index, String cell) {
    Map<String, List<Row>> byCell = results.get(index);
    assertThat(byCell).as("index " + index).isNotNull();
    assertThat(byCell).as(index).containsKey(cell);
    return byCell.get(cell);
  }

  private static Map<String, Long> bySha(List<Row> rows) {
    Map<String, Long> m = new TreeMap<>();
    rows.forEach(r -> m.put(r.getAs("sha256"), r.<Long>getAs("sessions")));
    return m;
  }

  private static Map<String, Long> perDay(String index) {
    Map<String, Long> m = new TreeMap<>();
    rows(index, "per_day")
        .forEach(
            r ->
                m.put(
                    r.getAs("date").toString() + "|" + r.getAs("server_ip"),
                    r.<Long>getAs("transfers")));
    return m;
  }

  private static long sum(List<Row> rows, String column) {
    return rows.stream().mapToLong(r -> ((Number) r.getAs(column)).longValue()).sum();
  }

  private static void assertInTimeOrder(List<Row> rows, String column) {
    for (int i = 1; i < rows.size(); i++) {
      Timestamp a = rows.get(i - 1).getAs(column);
      Timestamp b = rows.get(i).getAs(column);
      assertThat(a).isBeforeOrEqualTo(b);
    }
  }

  private static String cred(Row r) {
    return cred(
        r.getAs("server_ip"),
        r.<Integer>getAs("server_port"),
        r.getAs("user"),
        r.getAs("password"));
  }

  private static String cred(String server, int port, String user, String password) {
    return server + "|" + port + "|" + user + "|" + password;
  }

  /** tshark's view of failed logins: 530 replies whose stream's last request was USER or PASS. */
  private static long failedLogins(Path capture) throws Exception {
    Map<String, String> lastRequest = new HashMap<>();
    long failed = 0;
    for (List<String> f :
        Tshark.fields(
            capture,
            "ftp.request || ftp.response",
            "tcp.stream",
            "ftp.request.command",
            "ftp.response.code")) {
      if (!f.get(1).isEmpty()) {
        lastRequest.put(f.get(0), f.get(1));
      } else if (f.get(2).equals("530")
          && List.of("USER", "PASS").contains(lastRequest.getOrDefault(f.get(0), ""))) {
        failed++;
      }
    }
    return failed;
  }

  private static String utcDay(double epochSeconds) {
    return LocalDate.ofInstant(
            Instant.ofEpochSecond((long) Math.floor(epochSeconds)), ZoneOffset.UTC)
        .toString();
  }

  private static double firstFrameEpoch(Path capture) throws Exception {
    return Double.parseDouble(
        Tshark.fields(capture, "frame.number == 1", "frame.time_epoch").get(0).get(0));
  }

  private static List<Path> sampleCaptures() throws IOException {
    try (Stream<Path> files = Files.list(repoRoot().resolve("samples"))) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static Path faultCapture(String fault) {
    return repoRoot().resolve("testdata/faults/" + fault + ".pcap");
  }

  private static JsonNode faultJson(String fault) throws IOException {
    return new ObjectMapper()
        .readTree(repoRoot().resolve("testdata/faults/" + fault + ".expected.json").toFile());
  }

  private static Path corpus() {
    return PublicCorpusIT.corpus();
  }

  private static boolean corpusPresent() {
    return CORPUS_CAPTURES.stream().allMatch(c -> Files.isRegularFile(corpus().resolve(c)))
        && Files.isRegularFile(corpus().resolve("MANIFEST.json"));
  }

  private static List<JsonNode> corpusManifest() throws IOException {
    JsonNode manifest = new ObjectMapper().readTree(corpus().resolve("MANIFEST.json").toFile());
    List<JsonNode> list = new ArrayList<>();
    manifest
        .get("captures")
        .forEach(
            c -> {
              if (CORPUS_CAPTURES.contains(c.get("path").asText())) list.add(c);
            });
    assertThat(list).hasSize(CORPUS_CAPTURES.size());
    return list;
  }
}
