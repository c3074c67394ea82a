package dev.ftprecon.ftp;

import java.io.Serializable;

/**
 * Caps on everything an FTP session accumulates, so that memory stays bounded whatever a peer
 * sends. Over a cap the tracker stops recording that kind of thing, counts what it dropped (in
 * {@link FtpSessionSummary#anomalies()} or {@link FtpSessionSummary#commandsDropped()}) and keeps
 * working. Worst-case retained text per session is about {@code maxCommands × maxLineBytes} for the
 * commands plus {@code maxReplyLines × maxLineBytes} for one reply being assembled.
 *
 * @param maxLineBytes longest command or reply line kept, in bytes, excluding the line end; the
 *     first {@code maxLineBytes} of a longer line are kept and the rest is discarded up to the next
 *     LF
 * @param maxReplyLines most lines kept of one multi-line reply (RFC 959 §4.2); further lines are
 *     read, to find the end of the reply, but not kept
 * @param maxCommands most command records kept per session, including unsolicited replies
 * @param maxPendingCommands most commands awaiting a reply; a peer that pipelines more (or a
 *     capture that lost the server side) makes the oldest one give up waiting
 * @param maxChannels most expected data channels kept per session; at the cap a transfer that
 *     started takes the place of the oldest refused one (answered 4yz/5yz without a 1yz reply)
 * @param channelExpiryNanos capture time after its transfer command during which an expected data
 *     channel waits for its connection; a connection opening later does not belong to it (see
 *     {@link DataChannelMatcher}), so an announced endpoint never connected does not stay open
 *     forever
 */
public record FtpLimits(
    int maxLineBytes,
    int maxReplyLines,
    int maxCommands,
    int maxPendingCommands,
    int maxChannels,
    long channelExpiryNanos)
    implements Serializable {

  /**
   * RFC 959 sets no line limit. 16 KiB keeps the whole of any path a server will take (PATH_MAX is
   * 4096 on Linux) and of hostile names well past it (10,000 bytes), so that the index keeps the
   * name exactly as sent; a longer line is cut and counted as an anomaly.
   */
  public static final int DEFAULT_MAX_LINE_BYTES = 16_384;

  /** Banners, FEAT and HELP replies run to tens of lines; STAT listings can run longer. */
  public static final int DEFAULT_MAX_REPLY_LINES = 1000;

  /** A mirroring client may issue tens of thousands of commands in one session. */
  public static final int DEFAULT_MAX_COMMANDS = 100_000;

  /** Real clients pipeline a handful of commands at most. */
  public static final int DEFAULT_MAX_PENDING_COMMANDS = 1000;

  /** One data connection per transfer or listing. */
  public static final int DEFAULT_MAX_CHANNELS = 10_000;

  /**
   * Servers give up on a data connection that does not come long before this: vsftpd's
   * accept_timeout and connect_timeout are 60 s, ProFTPD's TimeoutNoTransfer 300 s.
   */
  public static final long DEFAULT_CHANNEL_EXPIRY_NANOS = 300_000_000_000L;

  public static final FtpLimits DEFAULTS =
      new FtpLimits(
          DEFAULT_MAX_LINE_BYTES,
          DEFAULT_MAX_REPLY_LINES,
          DEFAULT_MAX_COMMANDS,
          DEFAULT_MAX_PENDING_COMMANDS,
          DEFAULT_MAX_CHANNELS);

  /** The given caps with the default channel expiry. */
  public FtpLimits(
      int maxLineBytes,
      int maxReplyLines,
      int maxCommands,
      int maxPendingCommands,
      int maxChannels) {
    this(
        maxLineBytes,
        maxReplyLines,
        maxCommands,
        maxPendingCommands,
        maxChannels,
        DEFAULT_CHANNEL_EXPIRY_NANOS);
  }

  public FtpLimits {
    if (channelExpiryNanos < 1) {
      throw new IllegalArgumentException(
          "channelExpiryNanos must be at least 1, was " + channelExpiryNanos);
    }
    requirePositive("maxLineBytes", maxLineBytes);
    requirePositive("maxReplyLines", maxReplyLines);
    requirePositive("maxCommands", maxCommands);
    requirePositive("maxPendingCommands", maxPendingCommands);
    requirePositive("maxChannels", maxChannels);
  }

  private static void requirePositive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + value);
    }
  }
}
