package dev.ftprecon.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultGeneratorTest {
  private static final Path REPO_ROOT = Path.of(System.getProperty("ftprecon.repoRoot", ".."));

  /**
   * The generator is deterministic to the byte: a fresh run reproduces every committed file, and
   * nothing is committed that it no longer writes (README.md aside).
   */
  @Test
  void reproducesTheCommittedFaultCapturesByteForByte(@TempDir Path out) throws Exception {
    List<Path> written = FaultGenerator.generate(REPO_ROOT, out);

    Path committed = REPO_ROOT.resolve(FaultGenerator.COMMITTED_DIR);
    List<String> committedNames;
    try (Stream<Path> files = Files.list(committed)) {
      committedNames =
          files
              .map(p -> p.getFileName().toString())
              .filter(name -> !name.equals("README.md"))
              .sorted()
              .collect(Collectors.toList());
    }
    assertThat(written.stream().map(p -> p.getFileName().toString()).sorted())
        .containsExactlyElementsOf(committedNames);
    for (Path file : written) {
      assertThat(Files.readAllBytes(file))
          .as("%s differs from the committed one: rerun scripts/make-fault-captures.sh", file)
          .isEqualTo(Files.readAllBytes(committed.resolve(file.getFileName())));
    }
  }

  @Test
  void everyBehaviourHasItsOwnName() {
    assertThat(FaultGenerator.behaviours().stream().map(FaultBehaviour::name))
        .doesNotHaveDuplicates()
        .hasSize(16);
  }
}
