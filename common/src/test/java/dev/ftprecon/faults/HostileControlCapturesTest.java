package dev.ftprecon.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostileControlCapturesTest {
  private static final Path REPO_ROOT = Path.of(System.getProperty("ftprecon.repoRoot", ".."));

  @Test
  void reproducesTheCommittedHostileControlCapturesByteForByte(@TempDir Path out) throws Exception {
    for (Path file : HostileControlCaptures.generate(REPO_ROOT, out)) {
      Path committed =
          REPO_ROOT.resolve(HostileControlCaptures.COMMITTED_DIR).resolve(file.getFileName());
      assertThat(Files.readAllBytes(file))
          .as("%s differs from the committed one: rerun scripts/make-hostile-captures.sh", file)
          .isEqualTo(Files.readAllBytes(committed));
    }
  }
}
