package dev.ftprecon.jobs;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** tshark as an independent oracle in tests; they are skipped where it is not installed. */
final class Tshark {
  private static final Path TSHARK = Path.of("/usr/bin/tshark");

  /** Frames of {@code capture} matching the display filter. */
  static long count(Path capture, String displayFilter) throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(TSHARK), "tshark is not installed");
    Process p =
        new ProcessBuilder(TSHARK.toString(), "-n", "-r", capture.toString(), "-Y", displayFilter)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IOException("tshark failed on " + capture);
    }
    return out.lines().filter(l -> !l.isBlank()).count();
  }

  /** Tab-separated values of {@code fields} for each frame matching the display filter. */
  static java.util.List<String[]> fields(Path capture, String displayFilter, String... fields)
      throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(TSHARK), "tshark is not installed");
    java.util.List<String> cmd =
        new java.util.ArrayList<>(
            java.util.List.of(
                TSHARK.toString(),
                "-n",
                "-r",
                capture.toString(),
                "-Y",
                displayFilter,
                "-T",
                "fields"));
    for (String f : fields) {
      cmd.add("-e");
      cmd.add(f);
    }
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IOException("tshark failed on " + capture);
    }
    return out.lines().filter(l -> !l.isBlank()).map(l -> l.split("\t", -1)).toList();
  }

  private Tshark() {}
}
