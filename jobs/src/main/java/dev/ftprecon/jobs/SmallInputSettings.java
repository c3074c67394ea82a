package dev.ftprecon.jobs;

import dev.ftprecon.jobs.input.CaptureFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;

/**
 * Spark SQL settings for a run over little input. Generating and compiling Java code for every
 * query (whole-stage codegen, Janino) costs more CPU on a few MB of captures than it saves: on
 * samples/ (4 MB, local[2], AppCDS) the interpreted path saved ~2.8 CPU-seconds of ~18 (README
 * "Fixed cost"). Above {@link #LIMIT_BYTES} the job keeps Spark's code generation, which pays off
 * per row. A setting the user gave ({@code --conf}, spark-defaults) is left as it is; the previous
 * values are restored by {@link #restore()} (the session may serve more runs).
 */
final class SmallInputSettings {
  /** Total capture bytes up to which a run is small. */
  static final long LIMIT_BYTES = 32L << 20;

  static final Map<String, String> SETTINGS =
      Map.of(
          "spark.sql.codegen.wholeStage", "false",
          // CODEGEN_ONLY / FALLBACK / NO_CODEGEN (Spark's CodegenObjectFactoryMode): projections
          // and predicates are interpreted instead of compiled.
          "spark.sql.codegen.factoryMode", "NO_CODEGEN");

  private final RuntimeConfig conf;
  private final Map<String, String> applied;

  private SmallInputSettings(RuntimeConfig conf, Map<String, String> applied) {
    this.conf = conf;
    this.applied = applied;
  }

  static SmallInputSettings apply(SparkSession spark, List<CaptureFile> files) {
    RuntimeConfig conf = spark.conf();
    long bytes = files.stream().mapToLong(CaptureFile::length).sum();
    Map<String, String> applied = new LinkedHashMap<>();
    if (!files.isEmpty() && bytes <= LIMIT_BYTES) {
      SETTINGS.forEach(
          (key, value) -> {
            if (!conf.contains(key)) {
              conf.set(key, value);
              applied.put(key, value);
            }
          });
    }
    return new SmallInputSettings(conf, applied);
  }

  /** The settings applied, empty for a large run. */
  Map<String, String> applied() {
    return applied;
  }

  void restore() {
    applied.keySet().forEach(conf::unset);
  }
}
