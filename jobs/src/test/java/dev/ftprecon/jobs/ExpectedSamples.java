package dev.ftprecon.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sample captures' expectations, testdata/expected/*.json: written from the original files and
 * the clients' own records when the samples were made (scripts/make-sample-captures.sh), never from
 * our output.
 */
final class ExpectedSamples {
  /** A transfer of testdata/expected, with its session's endpoints. */
  record Transfer(
      String capture,
      int session,
      String command,
      String path,
      String direction,
      String user,
      String clientIp,
      String serverIp,
      int serverPort,
      long bytes,
      String sha256,
      int replyCode) {}

  private ExpectedSamples() {}

  /** One JSON document per sample capture, in file name order. */
  static List<JsonNode> captures(Path repoRoot) throws IOException {
    List<JsonNode> list = new ArrayList<>();
    try (Stream<Path> files = Files.list(repoRoot.resolve("testdata/expected"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        list.add(new ObjectMapper().readTree(f.toFile()));
      }
    }
    return list;
  }

  /** Every transfer of every sample capture. */
  static List<Transfer> transfers(Path repoRoot) throws IOException {
    List<Transfer> list = new ArrayList<>();
    for (JsonNode c : captures(repoRoot)) {
      String capture = Path.of(c.get("capture").asText()).getFileName().toString();
      for (JsonNode t : c.get("transfers")) {
        JsonNode s = c.get("sessions").get(t.get("session").asInt());
        list.add(
            new Transfer(
                capture,
                t.get("session").asInt(),
                t.get("command").asText(),
                t.get("path").asText(),
                t.get("direction").asText(),
                t.get("user").asText(),
                s.get("client_ip").asText(),
                s.get("server_ip").asText(),
                s.get("server_port").asInt(),
                t.path("bytes").asLong(),
                t.hasNonNull("sha256") ? t.get("sha256").asText() : null,
                t.path("reply_code").asInt()));
      }
    }
    return list;
  }
}
