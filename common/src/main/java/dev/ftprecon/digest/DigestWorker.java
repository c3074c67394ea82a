package dev.ftprecon.digest;

import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Feeds the blocks handed to it, in order, to one {@link MessageDigest} on a daemon thread of its
 * own. A failure of the digest is kept for the writer to rethrow; the worker then goes on releasing
 * blocks without digesting them, so that a writer waiting for a free block is never stranded.
 */
final class DigestWorker implements Runnable {
  private final MessageDigest digest;
  private final BlockingQueue<Block> pool;
  private final ArrayBlockingQueue<Block> queue;
  private final Thread thread;
  private volatile Throwable failure;

  /** {@code capacity}: how many blocks exist, so that handing one over never blocks. */
  DigestWorker(MessageDigest digest, BlockingQueue<Block> pool, int capacity) {
    this.digest = digest;
    this.pool = pool;
    this.queue = new ArrayBlockingQueue<>(capacity + 1);
    this.thread = new Thread(this, "ftprecon-digest-" + digest.getAlgorithm());
    thread.setDaemon(true);
    thread.start();
  }

  void hand(Block block) {
    queue.add(block);
  }

  /** Waits until every block handed over is digested, and ends the thread. */
  void finish() throws InterruptedException {
    queue.add(Block.END);
    thread.join();
  }

  /** Ends the thread without waiting for the blocks still queued. */
  void abort() {
    thread.interrupt();
  }

  Throwable failure() {
    return failure;
  }

  @Override
  public void run() {
    try {
      while (true) {
        Block block = queue.take();
        if (block == Block.END) {
          return;
        }
        try {
          if (failure == null) {
            digest.update(block.bytes, 0, block.length);
          }
        } catch (RuntimeException | Error e) {
          failure = e;
        } finally {
          block.release(pool);
        }
      }
    } catch (InterruptedException e) {
      // aborted: the writer has given up on the digests
    }
  }
}
