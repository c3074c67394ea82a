package dev.ftprecon.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FTP on port 2121 (samples/pasv-download-port2121-ipv4-pyftpdlib-curl.pcap, a real pyftpdlib
 * server): found by its content unless detection is turned off, and always when the port is named.
 */
class ControlDetectionIT extends SparkTestBase {
  private static final String CAPTURE = "samples/pasv-download-port2121-ipv4-pyftpdlib-curl.pcap";

  @TempDir Path tmp;

  private List<Row> transfers(String name, String... options) throws Exception {
    Path out = tmp.resolve(name);
    List<String> args = new ArrayList<>(List.of(options));
    args.addAll(List.of("-o", out.toString(), repoRoot().resolve(CAPTURE).toString()));
    new FtpReconstructJob(spark, ReconstructOptions.parse(args.toArray(String[]::new))).run();
    return spark.read().parquet(out.resolve("index/transfers").toString()).collectAsList();
  }

  private static JsonNode expected() throws Exception {
    return new ObjectMapper()
        .readTree(
            repoRoot()
                .resolve("testdata/expected/" + Path.of(CAPTURE).getFileName() + ".json")
                .toFile())
        .get("transfers")
        .get(0);
  }

  @Test
  void aControlConnectionOnAnUnnamedPortIsFoundByItsGreetingAndFirstCommand() throws Exception {
    List<Row> rows = transfers("detected");
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).<Integer>getAs("server_port")).isEqualTo(2121);
    assertThat(rows.get(0).<String>getAs("sha256")).isEqualTo(expected().get("sha256").asText());
    assertThat(rows.get(0).<String>getAs("status")).isEqualTo("complete");
  }

  @Test
  void withoutDetectionOnlyTheNamedPortsAreFollowed() throws Exception {
    assertThat(transfers("off", "--no-control-detection")).isEmpty();
    List<Row> named = transfers("named", "--no-control-detection", "--control-ports", "2121");
    assertThat(named).hasSize(1);
    assertThat(named.get(0).<String>getAs("sha256")).isEqualTo(expected().get("sha256").asText());
  }
}
