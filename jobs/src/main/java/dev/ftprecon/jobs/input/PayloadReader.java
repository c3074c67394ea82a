package dev.ftprecon.jobs.input;

import java.io.Closeable;
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
 * Reads payload bytes where they lie in the captures, by positional reads, keeping a few captures
 * open (a transfer's segments usually come from one file or a few rotated ones).
 *
 * <p>Hadoop's local file system checksums reads, and its positional read opens the file anew on
 * every call (ChecksumFileSystem.ChecksumFSInputChecker#read(long, byte[], int, int)); the captures
 * have no .crc side files to check, so the raw file system underneath is read instead.
 */
public final class PayloadReader implements Closeable {
  /** Open captures kept per task; rotated captures of one transfer rarely exceed this. */
  static final int MAX_OPEN_CAPTURES = 8;

  private final Configuration conf;
  private final List<String> capturePaths;
  private final LinkedHashMap<Integer, FSDataInputStream> open =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, FSDataInputStream> eldest) {
          if (size() > MAX_OPEN_CAPTURES) {
            closeQuietly(eldest.getValue());
            return true;
          }
          return false;
        }
      };

  public PayloadReader(Configuration conf, List<String> capturePaths) {
    this.conf = conf;
    this.capturePaths = capturePaths;
  }

  public void read(int captureId, long position, byte[] buf, int len) throws IOException {
    stream(captureId).readFully(position, buf, 0, len);
  }

  private FSDataInputStream stream(int captureId) throws IOException {
    FSDataInputStream in = open.get(captureId);
    if (in == null) {
      Path path = new Path(capturePaths.get(captureId));
      FileSystem fs = path.getFileSystem(conf);
      if (fs instanceof ChecksumFileSystem checksummed) {
        fs = checksummed.getRawFileSystem();
      }
      in = fs.open(path);
      open.put(captureId, in);
    }
    return in;
  }

  @Override
  public void close() {
    open.values().forEach(PayloadReader::closeQuietly);
    open.clear();
  }

  private static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // read-only stream: nothing to lose
    }
  }
}
