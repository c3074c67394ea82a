package dev.ftprecon.digest;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * Writes a stream through to a sink in large blocks and computes its message digests, each on a
 * daemon thread of its own, and the sink's writes on one more: the writing thread only copies each
 * byte once into a block and hands full blocks on. On one core SHA-256 runs at about 1.5 GB/s and
 * MD5 at 0.75 GB/s (JDK intrinsics, x86 with SHA extensions), so digesting on the writing thread
 * would cap a file's writing at about 0.5 GB/s; in parallel the slowest digest is the cap. The
 * sink's writes wait for the device when it is written with direct I/O, and in the kernel's
 * writeback otherwise: on their own thread, the writer reads and reassembles meanwhile.
 *
 * <p>Memory is bounded: at most {@code blocks} blocks of {@code blockBytes} exist; when the slowest
 * worker lags that far behind, {@link #write} waits for it (back-pressure). A stream shorter than
 * one block starts no thread and is written and digested by {@link #close}; the first block grows
 * from 64 KiB, so that small files do not cost a large buffer.
 *
 * <p>The threads end with {@link #close}, also when it fails, or with {@link #abort}; a caller
 * closes or aborts in a {@code finally}. A digest's or the sink's failure on its thread is rethrown
 * as an {@link IOException} by the next write, flush or close; an interrupted wait ends in an
 * {@link InterruptedIOException}, the interrupt flag set again.
 *
 * <p>Not thread-safe: one writing thread.
 */
public final class ParallelDigestOutputStream extends OutputStream {
  public static final int DEFAULT_BLOCK_BYTES = 1 << 20;
  public static final int DEFAULT_BLOCKS = 8;
  private static final int FIRST_BLOCK_BYTES = 64 << 10;

  private final OutputStream sink;
  private final List<MessageDigest> digests;
  private final int blockBytes;
  private final int blocks;
  private final ArrayBlockingQueue<Block> pool;
  private int allocated = 1;
  private List<BlockWorker> workers;
  private BlockWorker sinkWorker;
  private Block current;
  // Bytes of the current block already written to the sink by flush().
  private int written;
  private List<byte[]> results;
  private boolean closed;

  /**
   * @param sink receives the bytes; closed by {@link #close} and {@link #abort}
   * @param algorithms JDK names of the digests ({@code "SHA-256"}, {@code "MD5"})
   */
  public static ParallelDigestOutputStream of(OutputStream sink, String... algorithms) {
    List<MessageDigest> digests = new ArrayList<>();
    for (String algorithm : algorithms) {
      try {
        digests.add(MessageDigest.getInstance(algorithm));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalArgumentException("unknown digest algorithm: " + algorithm, e);
      }
    }
    return new ParallelDigestOutputStream(sink, digests, DEFAULT_BLOCK_BYTES, DEFAULT_BLOCKS);
  }

  ParallelDigestOutputStream(
      OutputStream sink, List<MessageDigest> digests, int blockBytes, int blocks) {
    if (blockBytes < 1 || blocks < 1) {
      throw new IllegalArgumentException(
          "blocks of " + blockBytes + " bytes, " + blocks + " of them (expected: >= 1 each)");
    }
    this.sink = Objects.requireNonNull(sink, "sink");
    this.digests = List.copyOf(digests);
    this.blockBytes = blockBytes;
    this.blocks = blocks;
    this.pool = new ArrayBlockingQueue<>(blocks);
    this.current = new Block(Math.min(blockBytes, FIRST_BLOCK_BYTES));
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    requireOpen();
    while (len > 0) {
      if (current.free() == 0) {
        spill();
      }
      int n = Math.min(len, current.free());
      System.arraycopy(b, off, current.bytes, current.length, n);
      current.length += n;
      off += n;
      len -= n;
    }
  }

  /** Writes what is buffered to the sink and flushes it; the digests go on in the background. */
  @Override
  public void flush() throws IOException {
    requireOpen();
    if (workers != null) {
      try {
        sinkWorker.awaitIdle();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for the sink");
      }
      rethrowFailure();
    }
    // The sink's thread is idle until the next block is handed to it.
    writeUnwritten();
    sink.flush();
  }

  /**
   * Writes what is left, waits for the digests, ends their threads and closes the sink. The threads
   * end and the sink is closed also when this fails.
   */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    boolean done = false;
    try (sink) {
      if (workers == null) {
        writeUnwritten();
        digests.forEach(d -> d.update(current.bytes, 0, current.length));
      } else {
        handOver(current);
        for (BlockWorker w : workers) {
          w.finish();
        }
        rethrowFailure();
      }
      results = digests.stream().map(MessageDigest::digest).toList();
      done = true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the digests");
    } finally {
      if (!done) {
        stopWorkers();
      }
    }
  }

  /**
   * Gives up: ends the digest threads without waiting and closes the sink, ignoring its failure
   * (the caller is already failing). No digest is available afterwards.
   */
  public void abort() {
    if (closed) {
      return;
    }
    closed = true;
    stopWorkers();
    try {
      sink.close();
    } catch (IOException ignored) {
      // the caller reports its own failure
    }
  }

  /** The digest of everything written, by the algorithms' order; available after close. */
  public byte[] digest(int index) {
    if (results == null) {
      throw new IllegalStateException("digests are known only after a successful close()");
    }
    return results.get(index).clone();
  }

  /** How many blocks were allocated (never more than {@code blocks}); for tests. */
  int blocksAllocated() {
    return allocated;
  }

  /** Whether digest threads were started (the stream outgrew its first block); for tests. */
  boolean threaded() {
    return workers != null;
  }

  private void spill() throws IOException {
    if (workers == null && current.bytes.length < blockBytes) {
      current.bytes = Arrays.copyOf(current.bytes, Math.min(blockBytes, current.bytes.length * 2));
      return;
    }
    if (workers == null) {
      startWorkers();
    }
    rethrowFailure();
    handOver(current);
    current = nextBlock();
    current.length = 0;
    written = 0;
  }

  private void startWorkers() {
    List<BlockWorker> started = new ArrayList<>();
    for (MessageDigest d : digests) {
      started.add(
          new BlockWorker(
              "digest-" + d.getAlgorithm(), b -> d.update(b.bytes, 0, b.length), pool, blocks));
    }
    sinkWorker =
        new BlockWorker(
            "write", b -> sink.write(b.bytes, b.sinkFrom, b.length - b.sinkFrom), pool, blocks);
    started.add(sinkWorker);
    workers = List.copyOf(started);
  }

  /**
   * Hands {@code block} to every worker; this thread does not touch it again until it comes back
   * from the pool.
   */
  private void handOver(Block block) {
    block.sinkFrom = written;
    block.handedTo(workers.size());
    workers.forEach(w -> w.hand(block));
  }

  private Block nextBlock() throws IOException {
    Block free = pool.poll();
    if (free != null) {
      return free;
    }
    if (allocated < blocks) {
      allocated++;
      return new Block(blockBytes);
    }
    try {
      return pool.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the digests");
    }
  }

  private void writeUnwritten() throws IOException {
    if (written < current.length) {
      sink.write(current.bytes, written, current.length - written);
      written = current.length;
    }
  }

  private void rethrowFailure() throws IOException {
    for (BlockWorker w : workers) {
      Throwable failure = w.failure();
      if (failure != null) {
        throw new IOException(
            (w == sinkWorker ? "write failed on its thread: " : "digest failed on its thread: ")
                + failure.getMessage(),
            failure);
      }
    }
  }

  private void stopWorkers() {
    if (workers != null) {
      workers.forEach(BlockWorker::abort);
    }
  }

  private void requireOpen() throws IOException {
    if (closed) {
      throw new IOException("stream closed");
    }
  }
}
