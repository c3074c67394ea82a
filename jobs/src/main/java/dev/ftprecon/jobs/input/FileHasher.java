package dev.ftprecon.jobs.input;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Hashes whole files as stored (compressed bytes for compressed files), in tasks of their own that
 * run beside the split tasks, or in a thread of the driver with a local master ({@link
 * DriverCaptureHashing}): the hash must cover every byte, in order, which no split task reads.
 */
final class FileHasher {
  private static final int BUFFER_BYTES = 1 << 20;

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
    try (InputStream in = path.getFileSystem(conf).open(path)) {
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
}
