package dev.ftprecon.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftprecon.ftp.ExpectedDataChannel;
import dev.ftprecon.ftp.FtpCommandRecord;
import dev.ftprecon.ftp.FtpLimits;
import dev.ftprecon.ftp.FtpSessionSummary;
import java.util.List;

/**
 * What an {@link FtpSessionSummary} must satisfy whatever the traffic: everything that grows with
 * the input within its {@link FtpLimits} cap, and consistent fields.
 */
final class SessionChecks {
  /** Anomalies are counted under a fixed set of names (Anomalies): about twenty. */
  private static final int MAX_ANOMALY_NAMES = 32;

  private SessionChecks() {}

  /** Small limits, so that the fuzzer reaches every cap; or the defaults. */
  static FtpLimits limits(FuzzBytes in) {
    int choice = in.u8();
    if (choice >= 0xC0) {
      return FtpLimits.DEFAULTS;
    }
    return new FtpLimits(
        1 + in.u8() % 64, 1 + in.u8() % 8, 1 + in.u8() % 16, 1 + in.u8() % 8, 1 + in.u8() % 8);
  }

  static void check(FtpSessionSummary summary, FtpLimits limits) {
    List<FtpCommandRecord> commands = summary.commands();
    assertThat(commands.size()).as("commands kept").isLessThanOrEqualTo(limits.maxCommands());
    assertThat(summary.commandsDropped()).isNotNegative();
    assertThat(summary.failedLogins()).isNotNegative();
    long maxLine = limits.maxLineBytes();
    long maxReply = (limits.maxReplyLines() + 1L) * (maxLine + 1);
    for (FtpCommandRecord record : commands) {
      assertThat(record.command().length()).isLessThanOrEqualTo(4);
      assertThat((long) record.arg().length()).as("argument kept").isLessThanOrEqualTo(maxLine);
      assertThat((long) record.replyText().length())
          .as("reply text kept")
          .isLessThanOrEqualTo(maxReply);
    }
    List<ExpectedDataChannel> channels = summary.channels();
    assertThat(channels.size()).as("channels kept").isLessThanOrEqualTo(limits.maxChannels());
    int lastOrdinal = -1;
    for (ExpectedDataChannel channel : channels) {
      // Unique, in command order; gaps where the channel cap evicted a refused transfer.
      assertThat(channel.ordinal()).as("ordinal").isGreaterThan(lastOrdinal);
      lastOrdinal = channel.ordinal();
      assertThat(channel.announced().port()).isBetween(0, 65535);
      assertThat((long) channel.path().length()).isLessThanOrEqualTo(maxLine);
      assertThat((long) channel.replyText().length()).isLessThanOrEqualTo(maxReply);
    }
    assertThat(summary.anomalies().size()).isLessThanOrEqualTo(MAX_ANOMALY_NAMES);
    summary.anomalies().values().forEach(count -> assertThat(count).isPositive());
    if (summary.banner() != null) {
      assertThat((long) summary.banner().length()).isLessThanOrEqualTo(maxReply);
    }
  }
}
