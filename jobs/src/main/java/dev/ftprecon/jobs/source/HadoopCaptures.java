package dev.ftprecon.jobs.source;

import dev.ftprecon.capture.CaptureFileOpener;
import dev.ftprecon.jobs.input.CaptureFile;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

/** Capture files on a Hadoop file system: their codec, and streams from any offset. */
public final class HadoopCaptures {
  private HadoopCaptures() {}

  /**
   * Whether Hadoop knows a compression codec for the file's name ({@code .gz}, {@code .bz2}...).
   */
  public static SplitPlanner.Compression compression(Configuration conf) {
    CompressionCodecFactory codecs = new CompressionCodecFactory(conf);
    return (CaptureFile f) -> codecs.getCodec(new Path(f.path())) != null;
  }

  /** Opens the file at any offset: {@code fs.open} then {@code seek}. */
  public static CaptureFileOpener opener(Configuration conf, String path) {
    Path p = new Path(path);
    return offset -> {
      FileSystem fs = p.getFileSystem(conf);
      FSDataInputStream in = fs.open(p);
      try {
        if (offset > 0) {
          in.seek(offset);
        }
        return in;
      } catch (IOException | RuntimeException e) {
        in.close();
        throw e;
      }
    };
  }

  /** The decompressed bytes of a compressed file, from its start. */
  public static InputStream openDecompressed(Configuration conf, String path) throws IOException {
    Path p = new Path(path);
    CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(p);
    if (codec == null) {
      throw new IOException("no compression codec for " + path);
    }
    InputStream raw = p.getFileSystem(conf).open(p);
    try {
      return codec.createInputStream(raw);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }
}
