package dev.ftprecon.jobs.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LowCpuPriorityTest {
  @Test
  void lowersTheCallingThreadToNice19AndLeavesTheOthersAlone() throws Exception {
    int before = niceOfThisThread();
    AtomicBoolean lowered = new AtomicBoolean();
    AtomicInteger niceAfter = new AtomicInteger(Integer.MIN_VALUE);
    Thread t =
        new Thread(
            () -> {
              lowered.set(LowCpuPriority.lowerCurrentThread());
              try {
                niceAfter.set(niceOfThisThread());
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
    t.start();
    t.join();

    assertThat(lowered).isTrue();
    assertThat(niceAfter.get()).isEqualTo(19);
    assertThat(niceOfThisThread()).isEqualTo(before);
  }

  /** Field 19 of /proc/thread-self/stat (proc(5)): the calling thread's nice value. */
  private static int niceOfThisThread() throws IOException {
    String stat = Files.readString(Path.of("/proc/thread-self/stat"));
    // The command name (field 2) may hold spaces; the fields after it start past its ')'.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Integer.parseInt(fields[16]);
  }
}
