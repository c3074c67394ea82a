package dev.ftprecon.jobs.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every option of the {@code pcap} data source, parsed once, keys case-insensitive. Precedence: the
 * option, then the Spark conf, then the default.
 *
 * <ul>
 *   <li>{@value #MODE}: what damaged captures do, in Spark's vocabulary. {@code PERMISSIVE}
 *       (default): every record before the damage is returned and a warning names the file and
 *       offset; {@code DROPMALFORMED}: the same records, the damaged rest dropped quietly; {@code
 *       FAILFAST}: the query fails naming the file and offset.
 *   <li>{@value #IGNORE_CORRUPT_FILES} (default {@code spark.sql.files.ignoreCorruptFiles}, else
 *       false): skip files that are not captures or cannot be read, with a warning, instead of
 *       failing.
 *   <li>{@value #PATH_GLOB_FILTER}: read only files whose name matches this glob.
 *   <li>{@value #RECURSIVE_FILE_LOOKUP} (default false): read directories recursively; otherwise
 *       only the files directly in a named directory.
 * </ul>
 */
public final class PcapOptions implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String MODE = "mode";
  public static final String IGNORE_CORRUPT_FILES = "ignoreCorruptFiles";
  public static final String PATH_GLOB_FILTER = "pathGlobFilter";
  public static final String RECURSIVE_FILE_LOOKUP = "recursiveFileLookup";
  static final String PATH = "path";
  static final String PATHS = "paths";

  /** Spark's conf that {@value #IGNORE_CORRUPT_FILES} falls back on. */
  public static final String SPARK_IGNORE_CORRUPT_FILES = "spark.sql.files.ignoreCorruptFiles";

  /** How damaged captures are handled; names as in Spark's CSV and JSON sources. */
  public enum Mode {
    PERMISSIVE,
    DROPMALFORMED,
    FAILFAST
  }

  private final Mode mode;
  private final boolean ignoreCorruptFiles;
  private final String pathGlobFilter;
  private final boolean recursiveFileLookup;
  private final List<String> paths;

  private PcapOptions(
      Mode mode,
      boolean ignoreCorruptFiles,
      String pathGlobFilter,
      boolean recursiveFileLookup,
      List<String> paths) {
    this.mode = mode;
    this.ignoreCorruptFiles = ignoreCorruptFiles;
    this.pathGlobFilter = pathGlobFilter;
    this.recursiveFileLookup = recursiveFileLookup;
    this.paths = paths;
  }

  /**
   * @param options the reader's options, any case
   * @param sparkIgnoreCorruptFiles the session's {@value #SPARK_IGNORE_CORRUPT_FILES}
   * @throws IllegalArgumentException naming the option and the accepted values
   */
  public static PcapOptions parse(Map<String, String> options, boolean sparkIgnoreCorruptFiles) {
    TreeMap<String, String> o = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    o.putAll(options);
    return new PcapOptions(
        mode(o.get(MODE)),
        bool(o, IGNORE_CORRUPT_FILES, sparkIgnoreCorruptFiles),
        o.get(PATH_GLOB_FILTER),
        bool(o, RECURSIVE_FILE_LOOKUP, false),
        paths(o));
  }

  private static Mode mode(String value) {
    if (value == null) {
      return Mode.PERMISSIVE;
    }
    try {
      return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "pcap option "
              + MODE
              + "="
              + value
              + " (expected one of: "
              + Arrays.toString(Mode.values())
              + ")");
    }
  }

  private static boolean bool(Map<String, String> o, String key, boolean fallback) {
    String value = o.get(key);
    if (value == null) {
      return fallback;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(
              "pcap option " + key + "=" + value + " (expected: true or false)");
    };
  }

  /** DataFrameReader.load puts one path under "path" and several as a JSON array under "paths". */
  private static List<String> paths(Map<String, String> o) {
    List<String> paths = new ArrayList<>();
    if (o.get(PATH) != null) {
      paths.add(o.get(PATH));
    }
    if (o.get(PATHS) != null) {
      try {
        paths.addAll(Arrays.asList(new ObjectMapper().readValue(o.get(PATHS), String[].class)));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(
            "pcap option paths=" + o.get(PATHS) + " (expected: a JSON array of strings)", e);
      }
    }
    return List.copyOf(paths);
  }

  public Mode mode() {
    return mode;
  }

  public boolean ignoreCorruptFiles() {
    return ignoreCorruptFiles;
  }

  /** Null when every name is accepted. */
  public String pathGlobFilter() {
    return pathGlobFilter;
  }

  public boolean recursiveFileLookup() {
    return recursiveFileLookup;
  }

  public List<String> paths() {
    return paths;
  }
}
