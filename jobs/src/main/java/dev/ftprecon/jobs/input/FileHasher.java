package dev.ftprecon.jobs.input;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * Hashes whole files as stored (compressed bytes for compressed files), in tasks of their own that
 * run beside the split tasks, or in a thread of the driver with a local master ({@link
 * DriverCaptureHashing}): the hash must cover every byte, in order, which no split task reads.
 */
final class FileHasher {
  /**
   * Read size: a buffer that stays in the core's L2 cache between the read and the hash. 256 KiB
   * against 1 MiB: 8.02 and 8.13 against 8.21 CPU-s for the 11.83 GB bench capture.
   */
  private static final int BUFFER_BYTES = 256 << 10;

  private FileHasher() {}

  static FileHash hash(CaptureFile file, Configuration conf) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK without SHA-256", e);
    }
    Path path = new Path(file.path());
    long read = 0;
    try (InputStream in = open(path, conf)) {
      byte[] buf = new byte[BUFFER_BYTES];
      for (int n; (n = in.read(buf)) > 0; ) {
        if (Thread.currentThread().isInterrupted()) {
          return new FileHash(file.id(), null, "interrupted after " + read + " bytes");
        }
        sha256.update(buf, 0, n);
        read += n;
      }
      return new FileHash(file.id(), HexFormat.of().formatHex(sha256.digest()), null);
    } catch (IOException e) {
      return new FileHash(file.id(), null, "read failed after " + read + " bytes: " + e);
    }
  }

  /**
   * A local file is read with a plain {@link FileInputStream}: Hadoop's local file system layers
   * (checksum and buffered streams) cost 0.35-0.47 more CPU-s on the 11.83 GB bench capture with
   * 256 KiB reads (8.48 and 8.49 against 8.02 and 8.13), and the hash needs none of them. Other
   * file systems are read through Hadoop.
   */
  private static InputStream open(Path path, Configuration conf) throws IOException {
    FileSystem fs = path.getFileSystem(conf);
    if (fs instanceof LocalFileSystem local) {
      return new FileInputStream(local.pathToFile(path));
    }
    if (fs instanceof RawLocalFileSystem raw) {
      return new FileInputStream(raw.pathToFile(path));
    }
    return fs.open(path);
  }
}
