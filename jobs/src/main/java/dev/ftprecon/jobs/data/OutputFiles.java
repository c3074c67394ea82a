package dev.ftprecon.jobs.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * Opens a reconstructed file for writing. On the local file system the JDK writes it: Hadoop's
 * local file system sets the permission of every file and directory it creates, and without
 * Hadoop's native library it does so by running {@code chmod} in a child process
 * (RawLocalFileSystem#setPermission through Shell#execCommand), a fork per transfer that cost
 * seconds on the bench capture's 301 files. The JDK creates files with the process umask, which is
 * what Hadoop's default {@code fs.permissions.umask-mode} (022) gives too. Any other file system
 * (HDFS, object stores) gets its own create, without checksum side files.
 */
final class OutputFiles {
  private OutputFiles() {}

  static OutputStream create(Path path, Configuration conf) throws IOException {
    FileSystem fs = path.getFileSystem(conf);
    java.io.File local =
        fs instanceof LocalFileSystem l
            ? l.pathToFile(path)
            : fs instanceof RawLocalFileSystem r ? r.pathToFile(path) : null;
    if (local != null) {
      java.nio.file.Path file = local.toPath();
      Files.createDirectories(file.getParent());
      return Files.newOutputStream(
          file,
          StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE);
    }
    // The index carries sha256 and md5 of every file; checksum side files would only clutter
    // OUT/files/ for an investigator.
    fs.setWriteChecksum(false);
    return fs.create(path, true);
  }
}
