package dev.ftprecon.jobs;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

  /**
   * The values of {@code fields} for every frame of {@code capture} matching the display filter,
   * one list per frame; a field that occurs more than once (a tunnel's outer and inner IP header)
   * gives its last, innermost occurrence.
   */
  static List<List<String>> fields(Path capture, String displayFilter, String... fields)
      throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(TSHARK), "tshark is not installed");
    List<String> command =
        new ArrayList<>(
            List.of(
                TSHARK.toString(),
                "-n",
                "-r",
                capture.toString(),
                "-Y",
                displayFilter,
                "-T",
                "fields",
                "-E",
                "separator=/t",
                "-E",
                "occurrence=l"));
    for (String field : fields) {
      command.add("-e");
      command.add(field);
    }
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IOException("tshark failed on " + capture);
    }
    List<List<String>> rows = new ArrayList<>();
    // one line per frame, empty when every field is: only the final newline ends no frame
    List<String> lines = Arrays.asList(out.split("\n", -1));
    for (String line : lines.subList(0, Math.max(0, lines.size() - 1))) {
      rows.add(Arrays.asList(line.split("\t", -1)));
    }
    return rows;
  }

  private Tshark() {}
}
