package dev.ftprecon.jobs.filter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The values of the job's filters: CIDR blocks (RFC 4632, RFC 4291 §2.3), globs, times. */
class FilterValuesTest {
  @Test
  void anIpv4BlockHoldsTheAddressesOfItsPrefix() {
    IpBlock block = IpBlock.parse("192.0.2.0/24").orElseThrow();
    assertThat(block.contains("192.0.2.1")).isTrue();
    assertThat(block.contains("192.0.2.255")).isTrue();
    assertThat(block.contains("192.0.3.1")).isFalse();
    assertThat(block.contains("2001:db8::1")).isFalse();
    assertThat(IpBlock.parse("10.1.2.3").orElseThrow().contains("10.1.2.3")).isTrue();
    assertThat(IpBlock.parse("10.1.2.3").orElseThrow().contains("10.1.2.4")).isFalse();
    assertThat(IpBlock.parse("0.0.0.0/0").orElseThrow().contains("203.0.113.9")).isTrue();
  }

  @Test
  void anIpv6BlockHoldsTheAddressesOfItsPrefixInAnyTextForm() {
    IpBlock block = IpBlock.parse("2001:db8::/32").orElseThrow();
    assertThat(block.contains("2001:db8::1")).isTrue();
    assertThat(block.contains("2001:0db8:0000:0000:0000:0000:0000:0002")).isTrue();
    assertThat(block.contains("2001:db9::1")).isFalse();
    assertThat(block.contains("192.0.2.1")).isFalse();
    assertThat(IpBlock.parse("::ffff:192.0.2.0/120").orElseThrow().contains("::ffff:192.0.2.77"))
        .isTrue();
    assertThat(IpBlock.parse("2001:db8::1/128").orElseThrow().contains("2001:db8::1")).isTrue();
  }

  @Test
  void whatIsNotAnAddressOrPrefixIsRefused() {
    assertThat(IpBlock.parse("example.com")).isEmpty();
    assertThat(IpBlock.parse("192.0.2.0/33")).isEmpty();
    assertThat(IpBlock.parse("192.0.2.256")).isEmpty();
    assertThat(IpBlock.parse("2001:db8::/129")).isEmpty();
    assertThat(IpBlock.parse("2001:db8::1::2")).isEmpty();
    assertThat(IpBlock.parse("1:2:3:4:5:6:7:8:9")).isEmpty();
    assertThat(IpBlock.parse("192.0.2.0/x")).isEmpty();
  }

  @Test
  void aGlobWithoutSlashMatchesTheLastNameSegment() {
    PathGlob pdf = PathGlob.of("*.pdf");
    assertThat(pdf.matches("report.pdf", "/report.pdf")).isTrue();
    assertThat(pdf.matches("incoming/q3 report.pdf", "/incoming/q3 report.pdf")).isTrue();
    assertThat(pdf.matches("report.pdf.exe", "/report.pdf.exe")).isFalse();
    assertThat(PathGlob.of("data-?.[ct]sv").matches("x/data-1.csv", null)).isTrue();
    assertThat(PathGlob.of("data-?.[!ct]sv").matches("data-1.csv", null)).isFalse();
    assertThat(PathGlob.of("a+b(1).bin").matches("a+b(1).bin", null)).isTrue();
  }

  @Test
  void aGlobWithSlashMatchesTheResolvedPath() {
    PathGlob incoming = PathGlob.of("/incoming/**");
    assertThat(incoming.matches("été/x.bin", "/incoming/été/x.bin")).isTrue();
    assertThat(incoming.matches("x.bin", "/pub/x.bin")).isFalse();
    assertThat(PathGlob.of("/incoming/*").matches("a/b", "/incoming/a/b")).isFalse();
    assertThat(PathGlob.of("/incoming/*").matches("x", null)).isFalse();
  }

  @Test
  void timesAreInstantsDateTimesInUtcOrDays() {
    assertThat(TimeBound.parse("2026-11-25T05:02:30Z")).hasValue(1795582950_000_000_000L);
    assertThat(TimeBound.parse("2026-11-25T06:02:30+01:00")).hasValue(1795582950_000_000_000L);
    assertThat(TimeBound.parse("2026-11-25T05:02:30.000001")).hasValue(1795582950_000_001_000L);
    assertThat(TimeBound.parse("2026-11-25")).hasValue(1795564800_000_000_000L);
    assertThat(TimeBound.parse("yesterday")).isEmpty();
    assertThat(TimeBound.parse("2026-13-01")).isEmpty();
  }
}
