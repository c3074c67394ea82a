package dev.ftprecon.jobs.input;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.GlobFilter;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Expands the inputs a user names (files, directories searched recursively, globs) on any Hadoop
 * file system into a sorted, de-duplicated list of files. Whether a file is a capture is decided
 * later by its content, not its name: {@code tcpdump -C} writes {@code name.pcap1, name.pcap2}.
 */
public final class CaptureInputs {
  private CaptureInputs() {}

  /** Thrown when an input names nothing; the message names the input. */
  public static final class MissingInputException extends Exception {
    public MissingInputException(String message) {
      super(message);
    }
  }

  public static List<CaptureFile> expand(Configuration conf, List<String> inputs)
      throws IOException, MissingInputException {
    return list(conf, inputs, true, null);
  }

  /**
   * As Spark's file sources list their paths: directories are read one level deep unless {@code
   * recursive} ({@code recursiveFileLookup}), and {@code nameGlob} ({@code pathGlobFilter}, null
   * for none) keeps the files whose name matches.
   */
  public static List<CaptureFile> list(
      Configuration conf, List<String> inputs, boolean recursive, String nameGlob)
      throws IOException, MissingInputException {
    GlobFilter nameFilter = nameGlob == null ? null : new GlobFilter(nameGlob);
    TreeMap<String, Long> files = new TreeMap<>();
    for (String input : inputs) {
      Path pattern = new Path(input);
      FileSystem fs = pattern.getFileSystem(conf);
      // A name that exists is taken literally: capture names may hold glob characters ([, {, *).
      FileStatus[] matches =
          fs.exists(pattern)
              ? new FileStatus[] {fs.getFileStatus(pattern)}
              : fs.globStatus(pattern);
      if (matches == null || matches.length == 0) {
        throw new MissingInputException("input does not exist: " + input);
      }
      for (FileStatus match : matches) {
        if (match.isDirectory()) {
          addDirectory(fs, match.getPath(), recursive, nameFilter, files);
        } else if (!isHidden(match.getPath()) && accepts(nameFilter, match.getPath())) {
          files.put(fs.makeQualified(match.getPath()).toString(), match.getLen());
        }
      }
    }
    List<CaptureFile> result = new ArrayList<>(files.size());
    files.forEach((path, length) -> result.add(new CaptureFile(result.size(), path, length)));
    return result;
  }

  private static boolean accepts(GlobFilter filter, Path file) {
    return filter == null || filter.accept(file);
  }

  private static void addDirectory(
      FileSystem fs,
      Path dir,
      boolean recursive,
      GlobFilter nameFilter,
      TreeMap<String, Long> files)
      throws IOException {
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, recursive);
    while (it.hasNext()) {
      LocatedFileStatus status = it.next();
      if (status.isFile()
          && !isHiddenBelow(dir, status.getPath())
          && accepts(nameFilter, status.getPath())) {
        files.put(fs.makeQualified(status.getPath()).toString(), status.getLen());
      }
    }
  }

  /** Hadoop's convention: names starting with '.' or '_' are metadata (checksums, _SUCCESS). */
  private static boolean isHidden(Path path) {
    String name = path.getName();
    return name.startsWith(".") || name.startsWith("_");
  }

  private static boolean isHiddenBelow(Path root, Path file) {
    for (Path p = file;
        p != null && !p.equals(root) && p.depth() > root.depth();
        p = p.getParent()) {
      if (isHidden(p)) {
        return true;
      }
    }
    return false;
  }
}
