package dev.ftprecon.ftp;

/**
 * A command and the replies it has had so far; or, with no command, a reply nobody asked for.
 * Mutable while the session runs, turned into an {@link FtpCommandRecord} at the end.
 */
final class PendingCommand {

  final long timeNanos;

  /** Null for a reply that arrived with no command awaiting one. */
  final FtpCommand command;

  /** The command line was not valid UTF-8 and was read as ISO-8859-1. */
  final boolean notUtf8;

  private FtpReply preliminary;
  private FtpReply finalReply;
  private long finalNanos = ExpectedDataChannel.NO_FINAL_REPLY;

  /** Whether the data channel of this (transfer) command has been opened, or refused. */
  boolean channelDecided;

  PendingCommand(long timeNanos, FtpCommand command, boolean notUtf8) {
    this.timeNanos = timeNanos;
    this.command = command;
    this.notUtf8 = notUtf8;
  }

  static PendingCommand unsolicited(long timeNanos, FtpReply reply) {
    PendingCommand entry = new PendingCommand(timeNanos, null, false);
    entry.complete(timeNanos, reply);
    return entry;
  }

  String verb() {
    return command == null ? "" : command.verb();
  }

  String arg() {
    return command == null ? "" : command.arg();
  }

  /**
   * Keeps the first 1yz reply: it carries the size hint and STOU's file name; later ones (e.g. 110
   * restart markers) do not.
   */
  void preliminary(FtpReply reply) {
    if (preliminary == null) {
      preliminary = reply;
    }
  }

  void complete(long nanos, FtpReply reply) {
    finalReply = reply;
    finalNanos = nanos;
  }

  FtpReply preliminaryReply() {
    return preliminary;
  }

  FtpReply finalReply() {
    return finalReply;
  }

  long finalNanos() {
    return finalNanos;
  }

  /** The final reply if one came, else the preliminary one, else null. */
  FtpReply lastReply() {
    return finalReply != null ? finalReply : preliminary;
  }

  FtpCommandRecord toRecord() {
    FtpReply reply = lastReply();
    return new FtpCommandRecord(
        timeNanos,
        verb(),
        arg(),
        reply == null ? 0 : reply.code(),
        reply == null ? "" : reply.text());
  }
}
