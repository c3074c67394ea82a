package dev.ftprecon.fuzz;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one fuzz input on a worker thread and fails it if it does not finish in time: the
 * "terminates" part of every target's contract. libFuzzer's own {@code -timeout} does not fire
 * inside Jazzer's JVM (its alarm handler runs on another thread, Jazzer PR #544), and JUnit's
 * timeouts cannot stop a thread spinning in a loop, so the check is done here: the input is
 * abandoned on its (daemon) thread and reported as a failure, with the stack where it was stuck,
 * which makes Jazzer save it as a crash input.
 *
 * <p>The limit is {@code -Dftprecon.fuzz.inputTimeoutSeconds} (default 10), far above what any
 * input of the fuzzer's size (at most 4 KiB) should take.
 */
final class Watchdog {
  static final long LIMIT_SECONDS = Long.getLong("ftprecon.fuzz.inputTimeoutSeconds", 10);

  /** The body of a fuzz target. */
  interface Body {
    void run() throws Exception;
  }

  private static ExecutorService worker;
  private static volatile Thread workerThread;

  private Watchdog() {}

  static void run(Body body) throws Exception {
    Future<?> done =
        worker()
            .submit(
                () -> {
                  body.run();
                  return null;
                });
    try {
      done.get(LIMIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception exception) {
        throw exception;
      }
      throw (Error) cause;
    } catch (TimeoutException e) {
      Thread stuck = workerThread;
      abandonWorker();
      Throwable where = new Throwable("where the input was after " + LIMIT_SECONDS + " s");
      where.setStackTrace(stuck.getStackTrace());
      throw new AssertionError(
          "input did not finish within "
              + LIMIT_SECONDS
              + " s (ftprecon.fuzz.inputTimeoutSeconds): it hangs or takes far too long",
          where);
    }
  }

  private static synchronized ExecutorService worker() {
    if (worker == null) {
      worker =
          Executors.newSingleThreadExecutor(
              task -> {
                Thread t = new Thread(task, "fuzz-input");
                t.setDaemon(true);
                workerThread = t;
                return t;
              });
    }
    return worker;
  }

  /** The stuck thread cannot be stopped; later inputs get a new one. */
  private static synchronized void abandonWorker() {
    worker.shutdownNow();
    worker = null;
  }
}
