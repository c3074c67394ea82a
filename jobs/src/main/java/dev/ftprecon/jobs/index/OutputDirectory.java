package dev.ftprecon.jobs.index;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * OUT, written so that a failed or killed run never leaves an index that looks complete: files and
 * index go to a staging directory inside OUT (its name starts with '_', so Hadoop listings skip
 * it); only when everything is written do they replace OUT/files and OUT/index, by directory
 * renames, and {@code OUT/_SUCCESS} is written last. Staging left by a killed run is removed by the
 * next one.
 */
public final class OutputDirectory {
  public static final String FILES = "files";
  public static final String INDEX = "index";
  public static final String SUCCESS = "_SUCCESS";
  public static final String MANIFEST = "run-manifest.json";
  static final String STAGING_PREFIX = "_ftprecon-staging-";

  private final FileSystem fs;
  private final Path out;
  private final Path staging;

  private OutputDirectory(FileSystem fs, Path out, Path staging) {
    this.fs = fs;
    this.out = out;
    this.staging = staging;
  }

  /** Clears staging left by killed runs and the completion marker, and makes a new staging. */
  public static OutputDirectory prepare(Configuration conf, String output) throws IOException {
    Path out = new Path(output);
    FileSystem fs = out.getFileSystem(conf);
    out = fs.makeQualified(out);
    if (fs.exists(out)) {
      for (FileStatus old : fs.listStatus(out, p -> p.getName().startsWith(STAGING_PREFIX))) {
        fs.delete(old.getPath(), true);
      }
      fs.delete(new Path(out, SUCCESS), false);
    }
    Path staging = new Path(out, STAGING_PREFIX + UUID.randomUUID());
    fs.mkdirs(staging);
    return new OutputDirectory(fs, out, staging);
  }

  /** Where this run writes; the job treats it as OUT. */
  public String staging() {
    return staging.toString();
  }

  /** Moves what was staged into place, writes the manifest, then the completion marker. */
  public void commit(String manifestJson) throws IOException {
    commit(manifestJson, false);
  }

  /**
   * As {@link #commit(String)}; with {@code addFiles} (incremental runs) the staged files join
   * those already in OUT/files instead of replacing them (a file rebuilt again keeps its name).
   */
  public void commit(String manifestJson, boolean addFiles) throws IOException {
    if (addFiles) {
      moveFilesInto(new Path(staging, FILES), new Path(out, FILES));
    }
    for (String part : new String[] {FILES, INDEX, IncrementalPlan.STATE_DIR}) {
      Path staged = new Path(staging, part);
      Path target = new Path(out, part);
      if (addFiles && part.equals(FILES)) {
        continue;
      }
      fs.delete(target, true);
      if (fs.exists(staged) && !fs.rename(staged, target)) {
        throw new IOException("could not move " + staged + " to " + target);
      }
    }
    try (OutputStream manifest = fs.create(new Path(out, MANIFEST), true)) {
      manifest.write(manifestJson.getBytes(StandardCharsets.UTF_8));
    }
    fs.delete(staging, true);
    fs.create(new Path(out, SUCCESS), true).close();
  }

  private void moveFilesInto(Path staged, Path target) throws IOException {
    if (!fs.exists(staged)) {
      return;
    }
    fs.mkdirs(target);
    for (FileStatus f : fs.listStatus(staged)) {
      Path to = new Path(target, f.getPath().getName());
      fs.delete(to, false);
      if (!fs.rename(f.getPath(), to)) {
        throw new IOException("could not move " + f.getPath() + " to " + to);
      }
    }
  }
}
