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
}
