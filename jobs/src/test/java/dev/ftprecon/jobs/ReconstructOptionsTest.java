package dev.ftprecon.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ftprecon.jobs.ReconstructOptions.UsageException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReconstructOptionsTest {
  @Test
  void parsesOutputInputsMasterConfAndControlPorts() throws Exception {
    ReconstructOptions o =
        ReconstructOptions.parse(
            new String[] {
              "--master",
              "spark://127.0.0.1:7077",
              "-o",
              "out",
              "--conf",
              "spark.a=b=c",
              "--control-ports",
              "21,2121",
              "a.pcap",
              "dir/"
            });
    assertThat(o.output()).isEqualTo("out");
    assertThat(o.inputs()).isEqualTo(List.of("a.pcap", "dir/"));
    assertThat(o.master()).isEqualTo("spark://127.0.0.1:7077");
    assertThat(o.sparkConf()).isEqualTo(Map.of("spark.a", "b=c"));
    assertThat(o.controlPorts()).isEqualTo(Set.of(21, 2121));
  }

  @Test
  void capsOnControlConnectionStateAreOptionsWithFtpLimitsDefaults() throws Exception {
    assertThat(ReconstructOptions.parse(new String[] {"-o", "out", "x"}).ftpLimits())
        .isEqualTo(dev.ftprecon.ftp.FtpLimits.DEFAULTS);
    ReconstructOptions o =
        ReconstructOptions.parse(
            new String[] {
              "--max-line-bytes",
              "100",
              "--max-reply-lines",
              "2",
              "--max-commands",
              "3",
              "--max-pending-commands",
              "4",
              "--max-channels",
              "5",
              "-o",
              "out",
              "x"
            });
    assertThat(o.ftpLimits()).isEqualTo(new dev.ftprecon.ftp.FtpLimits(100, 2, 3, 4, 5));
    assertThatThrownBy(
            () -> ReconstructOptions.parse(new String[] {"--max-channels", "0", "-o", "o", "x"}))
        .isInstanceOf(UsageException.class)
        .hasMessage("--max-channels expects a whole number from 1 to 2147483647, got: 0");
  }

  @Test
  void channelExpiryIsGivenInSecondsOfCaptureTime() throws Exception {
    ReconstructOptions o =
        ReconstructOptions.parse(new String[] {"--channel-expiry", "30", "-o", "out", "x"});
    assertThat(o.ftpLimits().channelExpiryNanos()).isEqualTo(30_000_000_000L);
    assertThat(ReconstructOptions.parse(new String[] {"-o", "out", "x"}).ftpLimits())
        .isEqualTo(dev.ftprecon.ftp.FtpLimits.DEFAULTS);
  }

  @Test
  void defaultsToControlPort21AndNoMaster() throws Exception {
    ReconstructOptions o = ReconstructOptions.parse(new String[] {"-o", "out", "x"});
    assertThat(o.controlPorts()).isEqualTo(Set.of(21));
    assertThat(o.master()).isNull();
  }

  @Test
  void missingOutputIsAUsageErrorNamingTheOption() {
    assertThatThrownBy(() -> ReconstructOptions.parse(new String[] {"x.pcap"}))
        .isInstanceOf(UsageException.class)
        .hasMessage("missing required option: -o/--output OUT");
  }

  @Test
  void missingInputIsAUsageError() {
    assertThatThrownBy(() -> ReconstructOptions.parse(new String[] {"-o", "out"}))
        .isInstanceOf(UsageException.class)
        .hasMessage("missing INPUT: name at least one capture, directory or glob");
  }

  @Test
  void aBadPortListIsRejectedNamingTheOption() {
    assertThatThrownBy(
            () ->
                ReconstructOptions.parse(new String[] {"-o", "o", "--control-ports", "21,x", "i"}))
        .isInstanceOf(UsageException.class)
        .hasMessage("--control-ports expects ports 1-65535 separated by commas, got: 21,x");
    assertThatThrownBy(
            () ->
                ReconstructOptions.parse(new String[] {"-o", "o", "--control-ports", "70000", "i"}))
        .hasMessageContaining("--control-ports");
  }

  @Test
  void confWithoutEqualsIsRejected() {
    assertThatThrownBy(() -> ReconstructOptions.parse(new String[] {"-o", "o", "--conf", "k", "i"}))
        .isInstanceOf(UsageException.class)
        .hasMessage("--conf expects KEY=VALUE, got: k");
  }

  @Test
  void anOptionWithoutItsValueIsNamed() {
    assertThatThrownBy(() -> ReconstructOptions.parse(new String[] {"x", "-o"}))
        .hasMessage("option -o needs a value");
  }

  @Test
  void passwordsAreKeptUnlessMaskingIsAsked() throws Exception {
    assertThat(ReconstructOptions.parse(new String[] {"-o", "o", "i"}).maskPasswords()).isFalse();
    assertThat(
            ReconstructOptions.parse(new String[] {"--mask-passwords", "-o", "o", "i"})
                .maskPasswords())
        .isTrue();
  }

  @Test
  void controlDetectionByContentIsOnUnlessTurnedOff() throws Exception {
    assertThat(ReconstructOptions.parse(new String[] {"-o", "o", "i"}).detectControl()).isTrue();
    assertThat(
            ReconstructOptions.parse(new String[] {"--no-control-detection", "-o", "o", "i"})
                .detectControl())
        .isFalse();
  }

  @Test
  void helpShortCircuits() throws Exception {
    assertThat(ReconstructOptions.parse(new String[] {"--help", "--bogus"}).help()).isTrue();
  }

  @Test
  void filtersAreRepeatableOrCommaSeparatedAndRecordedAsGiven() throws Exception {
    ReconstructOptions o =
        ReconstructOptions.parse(
            new String[] {
              "--host",
              "10.0.0.0/8,2001:db8::/32",
              "--host",
              "192.0.2.7",
              "--port",
              "21",
              "--port",
              "2121,990",
              "--user",
              "alice",
              "--path",
              "*.pdf",
              "--direction",
              "Upload,download",
              "--from",
              "2026-11-01",
              "--until",
              "2026-12-01T00:00:00Z",
              "--min-size",
              "1k",
              "--max-size",
              "2M",
              "--incremental",
              "-o",
              "out",
              "in"
            });
    assertThat(o.incremental()).isTrue();
    assertThat(o.filters().describe())
        .containsEntry("hosts", List.of("10.0.0.0/8", "192.0.2.7", "2001:db8::/32"))
        .containsEntry("ports", List.of(21, 990, 2121))
        .containsEntry("users", List.of("alice"))
        .containsEntry("paths", List.of("*.pdf"))
        .containsEntry("directions", List.of("download", "upload"))
        .containsEntry("from", "2026-11-01T00:00:00Z")
        .containsEntry("until", "2026-12-01T00:00:00Z")
        .containsEntry("min_size", 1024L)
        .containsEntry("max_size", 2L * 1024 * 1024);
    assertThat(ReconstructOptions.parse(new String[] {"-o", "o", "i"}).filters().none()).isTrue();
  }

  @Test
  void aBadFilterValueNamesTheOptionAndWhatItAccepts() {
    assertThatThrownBy(
            () ->
                ReconstructOptions.parse(
                    new String[] {"--host", "ftp.example.com", "-o", "o", "i"}))
        .isInstanceOf(UsageException.class)
        .hasMessage("--host expects an IPv4/IPv6 address or CIDR block, got: ftp.example.com");
    assertThatThrownBy(
            () ->
                ReconstructOptions.parse(new String[] {"--direction", "sideways", "-o", "o", "i"}))
        .hasMessage("--direction expects download, upload or listing, got: sideways");
    assertThatThrownBy(() -> ReconstructOptions.parse(new String[] {"--port", "0", "-o", "o", "i"}))
        .hasMessage("--port expects ports 1-65535 separated by commas, got: 0");
    assertThatThrownBy(
            () -> ReconstructOptions.parse(new String[] {"--min-size", "-1", "-o", "o", "i"}))
        .hasMessage("--min-size expects a size in bytes (suffix k, M or G allowed), got: -1");
    assertThatThrownBy(
            () -> ReconstructOptions.parse(new String[] {"--from", "today", "-o", "o", "i"}))
        .hasMessageStartingWith("--from expects an ISO-8601 instant");
    assertThatThrownBy(
            () ->
                ReconstructOptions.parse(
                    new String[] {"--from", "2026-12-01", "--until", "2026-11-01", "-o", "o", "i"}))
        .hasMessage("--from must lie before --until");
    assertThatThrownBy(
            () ->
                ReconstructOptions.parse(
                    new String[] {"--min-size", "2k", "--max-size", "1k", "-o", "o", "i"}))
        .hasMessage("--min-size must not exceed --max-size");
  }
}
