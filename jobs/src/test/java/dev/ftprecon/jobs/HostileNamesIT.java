package dev.ftprecon.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * testdata/hostile/hostile-names.pcap end to end: 14 downloads of a real session whose RETR names
 * are hostile (traversal, absolute paths, control bytes, 10,000 bytes, Windows device names,
 * non-UTF-8, a name used twice). Expected names and digests come from the generator's inputs
 * (hostile-names.expected.json), not from our output.
 */
class HostileNamesIT extends SparkTestBase {
  private static final String CAPTURE = "testdata/hostile/hostile-names.pcap";
  private static final String EXPECTED = "testdata/hostile/hostile-names.expected.json";

  /** Everything the run writes must stay under root/OUT; root holds nothing else to start with. */
  @TempDir static Path root;

  private static Path out;
  private static JsonNode expected;
  private static List<Row> transfers;

  @BeforeAll
  static void run() throws Exception {
    out = root.resolve("OUT");
    expected = new ObjectMapper().readTree(repoRoot().resolve(EXPECTED).toFile()).get("transfers");
    reconstruct(out, repoRoot().resolve(CAPTURE).toString());
    transfers = spark.read().parquet(out.resolve("index/transfers").toString()).collectAsList();
  }

  @Test
  void everyFileTheRunWroteLiesUnderOut() throws Exception {
    try (Stream<Path> all = Files.walk(root)) {
      assertThat(all.filter(p -> !Files.isDirectory(p)))
          .isNotEmpty()
          .allSatisfy(p -> assertThat(p.toRealPath()).startsWith(out.toRealPath()));
    }
    try (Stream<Path> all = Files.walk(out)) {
      assertThat(all.filter(Files::isSymbolicLink)).isEmpty();
    }
  }

  @Test
  void everyTransferKeepsTheExactNameBytesAndItsFileBytes() throws Exception {
    assertThat(transfers).hasSize(expected.size());
    for (JsonNode e : expected) {
      int port = e.get("data_client_port").asInt();
      Row t =
          transfers.stream()
              .filter(r -> Integer.valueOf(port).equals(r.getAs("data_client_port")))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no transfer on data port " + port));
      String what = "transfer on data port " + port;
      assertThat(HexFormat.of().formatHex(t.<byte[]>getAs("path_bytes")))
          .as(what)
          .isEqualTo(e.get("path_hex").asText());
      assertThat(t.<String>getAs("status")).as(what).isEqualTo("complete");
      assertThat(t.<String>getAs("sha256")).as(what).isEqualTo(e.get("sha256").asText());
      Path file = out.resolve(t.<String>getAs("file"));
      assertThat(sha256(Files.readAllBytes(file))).as(what).isEqualTo(e.get("sha256").asText());
    }
  }

  @Test
  void fileNamesAreSafeUniqueAndInOutFiles() throws Exception {
    Set<String> names = new HashSet<>();
    for (Row t : transfers) {
      String file = t.getAs("file");
      assertThat(file).startsWith("files/");
      String name = file.substring("files/".length());
      assertThat(name).matches("[0-9a-f]{32}_[A-Za-z0-9_-][A-Za-z0-9._-]{0,116}");
      assertThat(out.resolve(file).normalize().getParent()).isEqualTo(out.resolve("files"));
      names.add(name);
    }
    assertThat(names).hasSize(transfers.size());
    try (Stream<Path> files = Files.list(out.resolve("files"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(names);
    }
  }

  @Test
  void validUtf8NamesReadAsTextAndOthersAsOneCharacterPerByte() {
    Set<String> paths = new HashSet<>();
    transfers.forEach(t -> paths.add(t.getAs("path")));
    assertThat(paths)
        .contains("../../etc/passwd", "/etc/shadow", "CON", "Übersicht.txt", "r\u00e9sum\u00e9.txt")
        .contains("a\u0000b\u0001\u001b[2J\u007fc\rd", "n".repeat(10_000));
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
