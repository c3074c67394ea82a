package dev.ftprecon.jobs.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ftprecon.jobs.JobSummary;
import dev.ftprecon.jobs.ReconstructOptions;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * OUT/run-manifest.json: what a finding rests on, so it can be reproduced and defended: the inputs
 * with their sizes and sha256, the command line and the options it set (filters included), and the
 * versions of everything that read them. In an incremental run the inputs are the captures read in
 * that run; OUT/state/incremental.json lists every capture indexed so far.
 */
public final class RunManifest {
  private RunManifest() {}

  public static String json(
      ReconstructOptions options,
      IncrementalPlan plan,
      String sparkVersion,
      Instant started,
      Instant finished,
      List<Row> captures,
      JobSummary summary) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    ObjectNode versions = root.putObject("versions");
    versions.put("ftprecon", version());
    versions.put("spark", sparkVersion);
    versions.put("hadoop", org.apache.hadoop.util.VersionInfo.getVersion());
    versions.put("java", System.getProperty("java.version"));
    root.put("started", started.toString());
    root.put("finished", finished.toString());
    ArrayNode args = root.putArray("arguments");
    options.arguments().forEach(args::add);
    ObjectNode opts = root.putObject("options");
    opts.put("output", options.output());
    ArrayNode given = opts.putArray("inputs");
    options.inputs().forEach(given::add);
    ArrayNode ports = opts.putArray("control_ports");
    options.controlPorts().stream().sorted().forEach(ports::add);
    opts.put("control_detection", options.detectControl());
    opts.put("mask_passwords", options.maskPasswords());
    opts.put("fail_on_damaged", options.failOnDamaged());
    opts.put("incremental", options.incremental());
    opts.set("filters", mapper.valueToTree(options.filters().describe()));
    opts.set("spark_conf", mapper.valueToTree(options.sparkConf()));
    if (plan.previous().exists()) {
      ObjectNode inc = root.putObject("incremental");
      inc.put("new_captures", plan.newCaptures());
      ArrayNode reread = inc.putArray("read_again");
      plan.previous().rereadCaptures().stream().sorted().forEach(reread::add);
    }
    ArrayNode inputs = root.putArray("inputs");
    for (Row c : captures) {
      ObjectNode input = inputs.addObject();
      input.put("path", c.<String>getAs("path"));
      input.put("bytes", c.<Long>getAs("bytes"));
      input.put("sha256", c.<String>getAs("sha256"));
      input.put("status", c.<String>getAs("status"));
      if (c.getAs("error") != null) {
        input.put("error", c.<String>getAs("error"));
      }
    }
    ObjectNode totals = root.putObject("summary");
    totals.put("captures", summary.captures());
    totals.put("damaged_captures", summary.damagedCaptures());
    totals.put("unreadable_captures", summary.unreadableCaptures());
    totals.put("sessions", summary.sessions());
    totals.put("transfers", summary.transfers());
    totals.put("files", summary.filesWritten());
    totals.put("bytes_written", summary.bytesWritten());
    totals.put("not_complete", summary.incompleteTransfers());
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("manifest is plain JSON", e);
    }
  }

  /** The application jar's version (its manifest), or "dev" when run from classes. */
  static String version() {
    String v = RunManifest.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
