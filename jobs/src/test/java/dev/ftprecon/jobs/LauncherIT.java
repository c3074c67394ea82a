package dev.ftprecon.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's quick start, run as a user runs it: the launchers in bin/ as processes. */
class LauncherIT {
  @TempDir Path tmp;

  record Result(int exit, String stdout, String stderr) {}

  @Test
  void helpPrintsTheUsageAndExitsZero() throws Exception {
    Result r = run("bin/ftp-reconstruct", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.stdout()).contains("usage: ftp-reconstruct [options] -o OUT INPUT...");
  }

  @Test
  void anUnknownOptionExitsTwoAndIsNamed() throws Exception {
    Result r = run("bin/ftp-reconstruct", "--frobnicate", "-o", tmp.toString(), "samples");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.stderr()).contains("unknown option: --frobnicate");
  }

  @Test
  void aMissingInputExitsTwoAndIsNamed() throws Exception {
    Result r =
        run("bin/ftp-reconstruct", "-o", tmp.resolve("o").toString(), "no/such/capture.pcap");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.stderr()).contains("input does not exist: no/such/capture.pcap");
  }

  @Test
  void theQuickStartWritesFilesAndAnIndexThatSqlCanQuery() throws Exception {
    Path out = tmp.resolve("out");
    Result job = run("bin/ftp-reconstruct", "-o", out.toString(), "samples/");
    assertThat(job.exit()).as(job.stderr()).isZero();
    assertThat(job.stdout()).contains("ftp-reconstruct:").contains("transfers");
    for (String table : List.of("transfers", "sessions", "commands", "captures")) {
      assertThat(out.resolve("index").resolve(table).resolve("_SUCCESS")).exists();
    }
    try (Stream<Path> files = Files.list(out.resolve("files"))) {
      // One file per data connection, even an empty one (the 550'd RETR whose connection opened).
      assertThat(files.count()).isEqualTo(expectedTransfers("data_connection"));
    }

    Result sql =
        run(
            "bin/ftp-index-sql",
            "-i",
            out.toString(),
            "-e",
            "SELECT count(*) AS n FROM transfers WHERE status = 'complete'",
            "--format",
            "csv");
    assertThat(sql.exit()).as(sql.stderr()).isZero();
    assertThat(sql.stdout().strip()).isEqualTo("n\n" + expectedTransfers("sha256"));

    Result bad = run("bin/ftp-index-sql", "-i", out.toString(), "-e", "SELECT nope FROM transfers");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.stderr()).contains("SQL error").contains("nope");
  }

  @Test
  void failOnDamagedExitsThreeAfterWritingTheIndex() throws Exception {
    Path inputs = Files.createDirectories(tmp.resolve("inputs"));
    Files.copy(
        SparkTestBase.repoRoot().resolve("samples/epsv-nlst-ipv6-pyftpdlib-curl.pcap"),
        inputs.resolve("nlst.pcap"));
    Files.writeString(inputs.resolve("notes.pcap"), "not a capture\n");
    Path out = tmp.resolve("damaged-out");
    Result r =
        run("bin/ftp-reconstruct", "--fail-on-damaged", "-o", out.toString(), inputs.toString());
    assertThat(r.exit()).as(r.stderr()).isEqualTo(3);
    assertThat(r.stderr()).contains("1 inputs damaged or not captures");
    assertThat(out.resolve("_SUCCESS")).exists();
    assertThat(out.resolve("run-manifest.json"))
        .content()
        .contains("notes.pcap")
        .contains("unreadable");
  }

  /** Transfers in testdata/expected with a non-null {@code field}. */
  private static long expectedTransfers(String field) throws IOException {
    long n = 0;
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(SparkTestBase.repoRoot().resolve("testdata/expected"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        for (var t : json.readTree(f.toFile()).get("transfers")) {
          n += t.hasNonNull(field) ? 1 : 0;
        }
      }
    }
    return n;
  }

  private static Result run(String... command) throws Exception {
    Path root = SparkTestBase.repoRoot();
    List<String> cmd = new ArrayList<>(List.of(command));
    cmd.set(0, root.resolve(command[0]).toString());
    Path stdout = Files.createTempFile("launcher", ".out");
    Path stderr = Files.createTempFile("launcher", ".err");
    Process p =
        new ProcessBuilder(cmd)
            .directory(root.toFile())
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + cmd);
    }
    return new Result(
        p.exitValue(),
        Files.readString(stdout, StandardCharsets.UTF_8),
        Files.readString(stderr, StandardCharsets.UTF_8));
  }
}
