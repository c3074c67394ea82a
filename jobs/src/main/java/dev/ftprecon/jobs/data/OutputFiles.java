package dev.ftprecon.jobs.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.spark.network.util.JavaUtils;
import org.apache.spark.sql.RuntimeConfig;

/**
 * Opens a reconstructed file for writing. On the local file system the JDK writes it: Hadoop's
 * local file system sets the permission of every file and directory it creates, and without
 * Hadoop's native library it does so by running {@code chmod} in a child process
 * (RawLocalFileSystem#setPermission through Shell#execCommand), a fork per transfer that cost
 * seconds on the bench capture's 301 files. The JDK creates files with the process umask, which is
 * what Hadoop's default {@code fs.permissions.umask-mode} (022) gives too. Any other file system
 * (HDFS, object stores) gets its own create, without checksum side files.
 *
 * <p>A local file expected to reach {@code directIoMinBytes} is written with direct I/O ({@link
 * DirectFileOutputStream}), where the file system takes it.
 */
final class OutputFiles {
  private OutputFiles() {}

  /**
   * Expected size from which local files are written with direct I/O (Spark size string, default
   * 64m), or {@code off}.
   */
  static final String DIRECT_IO_MIN_BYTES = "spark.ftprecon.output.directIoMinBytes";

  /**
   * Whether each file's MD5 is computed beside its SHA-256 (default true). MD5 is what Zeek's
   * files.log and many indicator feeds list, but it is the slowest part of writing a large file:
   * 0.77 GB/s on one core here (JDK intrinsic, as {@code openssl speed md5}), against 1.8 GB/s for
   * SHA-256 with the CPU's SHA extensions. With false, the index's md5 column is null.
   */
  static final String MD5 = "spark.ftprecon.output.md5";

  /** The {@link #MD5} setting. */
  static boolean md5(RuntimeConfig conf) {
    String value = conf.get(MD5, "true").trim();
    if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
      throw new IllegalArgumentException(MD5 + " must be true or false, not: " + value);
    }
    return Boolean.parseBoolean(value);
  }

  /** The {@link #DIRECT_IO_MIN_BYTES} setting, -1 for off. */
  static long directIoMinBytes(RuntimeConfig conf) {
    String value = conf.get(DIRECT_IO_MIN_BYTES, "64m").trim();
    return value.equalsIgnoreCase("off") ? -1 : JavaUtils.byteStringAsBytes(value);
  }

  /**
   * @param expectedBytes what the file will probably hold (the connection's payload bytes)
   * @param directIoMinBytes from which expected size a local file is written with direct I/O; a
   *     negative value never
   */
  static OutputStream create(
      Path path, Configuration conf, long expectedBytes, long directIoMinBytes) throws IOException {
    FileSystem fs = path.getFileSystem(conf);
    java.io.File local =
        fs instanceof LocalFileSystem l
            ? l.pathToFile(path)
            : fs instanceof RawLocalFileSystem r ? r.pathToFile(path) : null;
    if (local != null) {
      java.nio.file.Path file = local.toPath();
      Files.createDirectories(file.getParent());
      if (directIoMinBytes >= 0 && expectedBytes >= directIoMinBytes) {
        Optional<OutputStream> direct =
            DirectFileOutputStream.open(file, DirectFileOutputStream.DEFAULT_CHUNK_BYTES);
        if (direct.isPresent()) {
          return direct.get();
        }
      }
      return Files.newOutputStream(
          file,
          StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE);
    }
    // The index carries the sha256 of every file; checksum side files would only clutter
    // OUT/files/ for an investigator.
    fs.setWriteChecksum(false);
    return fs.create(path, true);
  }
}
