package dev.ftprecon.jobs.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Lowers the CPU priority of the calling thread alone to the lowest, nice 19, so that it runs on
 * what the other threads leave idle. Java's thread priorities do nothing on Linux; the kernel's
 * nice value is per thread there, and an unprivileged process may raise it (setpriority(2), which
 * {@code renice -p TID} calls with the thread's id from {@code /proc/thread-self}). Best effort:
 * where there is no {@code /proc/thread-self} or no {@code renice}, the thread keeps its priority.
 */
final class LowCpuPriority {
  private static final long RENICE_TIMEOUT_SECONDS = 5;

  private LowCpuPriority() {}

  /** Whether the calling thread now runs at nice 19. */
  static boolean lowerCurrentThread() {
    Path self = Path.of("/proc/thread-self");
    try {
      // "/proc/thread-self" links to "PID/task/TID".
      String tid = Files.readSymbolicLink(self).getFileName().toString();
      Process renice =
          new ProcessBuilder("renice", "-n", "19", "-p", tid)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!renice.waitFor(RENICE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        renice.destroyForcibly();
        return false;
      }
      return renice.exitValue() == 0;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
