package dev.ftprecon.jobs.input;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import org.apache.hadoop.conf.Configuration;

/**
 * Hashes the captures whole in one thread of the driver's JVM, at the lowest CPU priority ({@link
 * LowCpuPriority}), started before the first pass: with a local master the driver is the executor,
 * and the thread takes none of the task slots, only the CPU they leave idle (JVM and Spark start,
 * the driver's work between jobs, stage tails), so the hash no longer competes with the largest
 * transfer's digests during the assembly. It gets the cores at full speed once nothing else runs.
 * Cancelling the future interrupts the thread between buffers.
 */
final class DriverCaptureHashing {
  /** The hashing thread's name, as shown in thread dumps and profiles. */
  static final String THREAD_NAME = "ftprecon-capture-hash";

  private DriverCaptureHashing() {}

  static Future<List<FileHash>> start(List<CaptureFile> files, Configuration conf) {
    // A copy: the driver's own configuration may change while this thread reads it.
    Configuration own = new Configuration(conf);
    FutureTask<List<FileHash>> hashing =
        new FutureTask<>(
            () -> {
              LowCpuPriority.lowerCurrentThread();
              List<FileHash> hashes = new ArrayList<>(files.size());
              for (CaptureFile file : files) {
                if (Thread.currentThread().isInterrupted()) {
                  throw new InterruptedException("capture hashing cancelled");
                }
                hashes.add(FileHasher.hash(file, own));
              }
              return hashes;
            });
    Thread thread = new Thread(hashing, THREAD_NAME);
    thread.setDaemon(true);
    thread.start();
    return hashing;
  }
}
