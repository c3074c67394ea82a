package dev.ftprecon.digest;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * Feeds the blocks handed to it, in order, to one consumer (a message digest, or the stream's sink)
 * on a daemon thread of its own. A failure of the consumer is kept for the writer to rethrow; the
 * worker then goes on releasing blocks without consuming them, so that a writer waiting for a free
 * block is never stranded.
 */
final class BlockWorker implements Runnable {
  /** What a worker does with each block's bytes. */
  interface Consumer {
    void accept(Block block) throws Exception;
  }

  private final Consumer consumer;
  private final BlockingQueue<Block> pool;
  private final ArrayBlockingQueue<Block> queue;
  private final Semaphore consumed = new Semaphore(0);
  private final Thread thread;
  private int handedSinceIdle;
  private volatile Throwable failure;

  /** {@code capacity}: how many blocks exist, so that handing one over never blocks. */
  BlockWorker(String name, Consumer consumer, BlockingQueue<Block> pool, int capacity) {
    this.consumer = consumer;
    this.pool = pool;
    this.queue = new ArrayBlockingQueue<>(capacity + 1);
    this.thread = new Thread(this, "ftprecon-" + name);
    thread.setDaemon(true);
    thread.start();
  }

  void hand(Block block) {
    handedSinceIdle++;
    queue.add(block);
  }

  /** Waits until every block handed over so far is consumed; the thread goes on. */
  void awaitIdle() throws InterruptedException {
    consumed.acquire(handedSinceIdle);
    handedSinceIdle = 0;
  }

  /** Waits until every block handed over is consumed, and ends the thread. */
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
            consumer.accept(block);
          }
        } catch (Exception | Error e) {
          failure = e;
        } finally {
          block.release(pool);
          consumed.release();
        }
      }
    } catch (InterruptedException e) {
      // aborted: the writer has given up
    }
  }
}
