package dev.ftprecon.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostileNamesCaptureTest {
  private static final Path REPO_ROOT = Path.of(System.getProperty("ftprecon.repoRoot", ".."));

  @Test
  void reproducesTheCommittedHostileNamesCaptureByteForByte(@TempDir Path out) throws Exception {
    for (Path file : HostileNamesCapture.generate(REPO_ROOT, out)) {
      Path committed =
          REPO_ROOT.resolve(HostileNamesCapture.COMMITTED_DIR).resolve(file.getFileName());
      assertThat(Files.readAllBytes(file))
          .as("%s differs from the committed one: rerun scripts/make-hostile-captures.sh", file)
          .isEqualTo(Files.readAllBytes(committed));
    }
  }

  @Test
  void everyCopyHasItsNameAndTwoShareOne() {
    assertThat(HostileNamesCapture.NAMES).hasSize(HostileNamesCapture.COPIES);
    assertThat(HostileNamesCapture.NAMES.get(12)).isEqualTo(HostileNamesCapture.NAMES.get(13));
  }
}
