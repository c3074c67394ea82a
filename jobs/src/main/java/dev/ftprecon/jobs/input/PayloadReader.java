package dev.ftprecon.jobs.input;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads segment payloads where they lie in the captures, for the control pass and the assembly,
 * which both ask for them in stream order: mostly rising positions in one capture, densely packed
 * for a large transfer, sparse for one among many concurrent ones. Each capture gets a window read
 * by one positional read; the window grows while most of what it held was used and shrinks while
 * little was, so a dense transfer costs one read per megabytes and a sparse one about one small
 * read per segment.
 *
 * <p>Hadoop's local file system checksums reads, and its positional read opens the file anew on
 * every call (ChecksumFileSystem.ChecksumFSInputChecker#read(long, byte[], int, int)); the captures
 * have no .crc side files to check, so the raw file system underneath is read instead.
 */
public final class PayloadReader implements Closeable {
  /** Open captures kept per task; rotated captures of one transfer rarely exceed this. */
  static final int MAX_OPEN_CAPTURES = 8;

  static final int MIN_WINDOW = 8 << 10;
  static final int START_WINDOW = 256 << 10;
  static final int MAX_WINDOW = 2 << 20;

  private final Configuration conf;
  private final List<String> capturePaths;
  private final LinkedHashMap<Integer, Window> open =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Window> eldest) {
          if (size() > MAX_OPEN_CAPTURES) {
            eldest.getValue().close();
            return true;
          }
          return false;
        }
      };
  private long reads;

  public PayloadReader(Configuration conf, List<String> capturePaths) {
    this.conf = conf;
    this.capturePaths = capturePaths;
  }

  /** Copies {@code len} bytes at {@code position} of capture {@code captureId} into {@code buf}. */
  public void read(int captureId, long position, byte[] buf, int len) throws IOException {
    Slice slice = slice(captureId, position, len);
    System.arraycopy(slice.bytes(), slice.offset(), buf, 0, len);
  }

  /**
   * The {@code len} bytes at {@code position} of capture {@code captureId}, where they lie in the
   * window, without a copy: valid until the next call.
   */
  public Slice slice(int captureId, long position, int len) throws IOException {
    Window w = open.get(captureId);
    if (w == null) {
      w = open(captureId);
      open.put(captureId, w);
    }
    int offset = w.locate(position, len); // may replace w.bytes
    return new Slice(w.bytes, offset);
  }

  /** Bytes starting at {@code bytes[offset]}, in a window the reader reuses. */
  public record Slice(byte[] bytes, int offset) {}

  /** Positional reads issued so far (for tests and benchmarks). */
  long reads() {
    return reads;
  }

  private Window open(int captureId) throws IOException {
    Path path = new Path(capturePaths.get(captureId));
    FileSystem fs = path.getFileSystem(conf);
    if (fs instanceof ChecksumFileSystem checksummed) {
      fs = checksummed.getRawFileSystem();
    }
    return new Window(fs.open(path), fs.getFileStatus(path).getLen());
  }

  @Override
  public void close() {
    open.values().forEach(Window::close);
    open.clear();
  }

  private final class Window {
    private final FSDataInputStream in;
    private final long fileLength;
    private byte[] bytes = new byte[0];
    private int size = START_WINDOW;
    private long start;
    private int filled;
    private long used;

    Window(FSDataInputStream in, long fileLength) {
      this.in = in;
      this.fileLength = fileLength;
    }

    /** Makes the window hold {@code [position, position + len)}; returns where it starts in it. */
    int locate(long position, int len) throws IOException {
      if (position >= start && position + len <= start + filled) {
        used += len;
        return (int) (position - start);
      }
      if (filled > 0) {
        if (used * 2 >= filled) {
          size = Math.min(MAX_WINDOW, size * 2);
        } else if (used * 8 < filled) {
          size = Math.max(MIN_WINDOW, size / 2);
        }
      }
      if (position + len > fileLength) {
        throw new EOFException(
            "payload at "
                + position
                + " of "
                + len
                + " bytes ends past the file ("
                + fileLength
                + ")");
      }
      int n = (int) Math.max(len, Math.min(size, fileLength - position));
      if (bytes.length < n) {
        bytes = new byte[Math.max(n, Math.min(MAX_WINDOW, bytes.length * 2))];
      }
      in.readFully(position, bytes, 0, n);
      reads++;
      start = position;
      filled = n;
      used = len;
      return 0;
    }

    void close() {
      try {
        in.close();
      } catch (IOException ignored) {
        // read-only stream: nothing to lose
      }
    }
  }
}
