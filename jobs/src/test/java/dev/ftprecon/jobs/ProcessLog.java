package dev.ftprecon.jobs;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The log file a child process writes (stdout and stderr together), read as it grows: waits for a
 * line matching a pattern, with a deadline, so that a test can act at a named point of a run.
 */
final class ProcessLog {
  private final Path file;
  private final List<String> lines = new ArrayList<>();
  private long offset;
  private final StringBuilder partial = new StringBuilder();

  ProcessLog(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  /**
   * The first line from index {@code from} on that matches, waiting until {@code deadline}; gives
   * up early (empty) when {@code stillRunning} turns false and no further line matches.
   */
  Optional<Matcher> await(Pattern pattern, int from, Duration timeout, BooleanSupplier stillRunning)
      throws IOException, InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int checked = from;
    while (true) {
      boolean running = stillRunning.getAsBoolean();
      readNew();
      for (; checked < lines.size(); checked++) {
        Matcher m = pattern.matcher(lines.get(checked));
        if (m.find()) {
          return Optional.of(m);
        }
      }
      if (!running) {
        return Optional.empty();
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException(
            "no line matching " + pattern + " in " + file + " after " + timeout);
      }
      Thread.sleep(20);
    }
  }

  /** Lines read so far; the index to pass as {@code from} to wait for what comes next. */
  int size() throws IOException {
    readNew();
    return lines.size();
  }

  boolean contains(Pattern pattern) throws IOException {
    readNew();
    return lines.stream().anyMatch(l -> pattern.matcher(l).find());
  }

  String text() throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }

  private void readNew() throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      if (length <= offset) {
        return;
      }
      byte[] bytes = new byte[(int) (length - offset)];
      in.seek(offset);
      in.readFully(bytes);
      offset = length;
      partial.append(new String(bytes, StandardCharsets.UTF_8));
    }
    int nl;
    while ((nl = partial.indexOf("\n")) >= 0) {
      lines.add(partial.substring(0, nl));
      partial.delete(0, nl + 1);
    }
  }
}
