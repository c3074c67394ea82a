package dev.ftprecon.jobs.data;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Writes a local file with direct I/O ({@code O_DIRECT}): the bytes go from an aligned buffer to
 * the device, not through the page cache. Used for large reconstructed files, which the job writes
 * once and does not read back.
 *
 * <p>Why: on the bench machine (ext4 on a virtual disk, {@code vm.dirty_ratio} 20), buffered writes
 * run at 3.7 GB/s only until dirty pages reach the kernel's limit, about 2 GiB; past it the writer
 * is throttled and spends system time in writeback. {@code dd} of 4 GiB took 10.3 s (all system
 * time) buffered and 1.9 s (0.4 s system) with {@code oflag=direct}; in the job, the 4 GiB
 * transfer's task spent 11 s in {@code write} (README "Benchmark").
 *
 * <p>Direct I/O wants the buffer address, the file position and the length of each write aligned to
 * the file system's block size. Bytes are gathered in a direct buffer of {@code chunkBytes}; full
 * chunks are written as they fill; {@link #close} writes the last partial block padded to the
 * alignment and truncates the file to the bytes actually written.
 *
 * <p>Not thread-safe: one writing thread.
 */
final class DirectFileOutputStream extends OutputStream {
  static final int DEFAULT_CHUNK_BYTES = 4 << 20;

  private final FileChannel channel;
  private final ByteBuffer buffer;
  private final int alignment;
  private long written;
  private boolean closed;

  private DirectFileOutputStream(FileChannel channel, int alignment, int chunkBytes) {
    this.channel = channel;
    this.alignment = alignment;
    int chunk = Math.max(alignment, chunkBytes / alignment * alignment);
    this.buffer = ByteBuffer.allocateDirect(chunk + alignment).alignedSlice(alignment);
    this.buffer.limit(chunk);
  }

  /**
   * Creates (or truncates) {@code file} for direct writing, or returns empty when this file system
   * or platform does not take {@code O_DIRECT} (tmpfs on older kernels answers EINVAL): the caller
   * then writes it the ordinary way.
   */
  static Optional<OutputStream> open(Path file, int chunkBytes) {
    FileChannel channel = null;
    try {
      int alignment = Math.toIntExact(Files.getFileStore(file.getParent()).getBlockSize());
      if (alignment <= 0 || Integer.bitCount(alignment) != 1) {
        return Optional.empty();
      }
      channel =
          FileChannel.open(
              file,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE,
              ExtendedOpenOption.DIRECT);
      return Optional.of(new DirectFileOutputStream(channel, alignment, chunkBytes));
    } catch (IOException | UnsupportedOperationException | ArithmeticException e) {
      closeQuietly(channel);
      return Optional.empty();
    }
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    if (closed) {
      throw new IOException("stream closed");
    }
    while (length > 0) {
      int n = Math.min(length, buffer.remaining());
      buffer.put(bytes, offset, n);
      offset += n;
      length -= n;
      if (!buffer.hasRemaining()) {
        drain();
      }
    }
  }

  /** Writes the buffer's whole (aligned) content. */
  private void drain() throws IOException {
    int chunk = buffer.limit();
    buffer.flip();
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    written += buffer.limit();
    buffer.clear();
    buffer.limit(chunk);
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      int tail = buffer.position();
      if (tail > 0) {
        int chunk = buffer.limit();
        int padded = (tail + alignment - 1) / alignment * alignment;
        buffer.limit(padded).position(padded).flip();
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        buffer.limit(chunk);
        channel.truncate(written + tail);
      }
    } finally {
      channel.close();
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing was written through it
      }
    }
  }
}
