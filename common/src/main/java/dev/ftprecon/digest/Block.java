package dev.ftprecon.digest;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A buffer of written bytes on its way to the workers (digests and sink); back in the free pool
 * once every worker is done with it.
 */
final class Block {
  /** Tells a worker that no more blocks follow. */
  static final Block END = new Block(0);

  byte[] bytes;
  int length;
  // Where the sink's part of the block begins: bytes before it reached the sink through flush().
  int sinkFrom;
  private final AtomicInteger pending = new AtomicInteger();

  Block(int capacity) {
    this.bytes = new byte[capacity];
  }

  int free() {
    return bytes.length - length;
  }

  void handedTo(int workers) {
    pending.set(workers);
  }

  /** One worker is done with the block; the last one returns it to {@code pool}. */
  void release(BlockingQueue<Block> pool) {
    if (pending.decrementAndGet() == 0) {
      pool.add(this);
    }
  }
}
