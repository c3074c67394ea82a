package dev.ftprecon.ftp;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * An expected data channel whose transfer command may still be awaiting its final reply. Holds the
 * session state as it was when the command took effect; the replies are read from the command when
 * the channel is built.
 */
final class ChannelDraft {

  private final int ordinal;
  private final PendingCommand transfer;
  private final Direction direction;
  private final String directory;
  private final AnnouncedEndpoint endpoint;
  private final boolean endpointReused;
  private final boolean addressDiffers;
  private final String user;
  private final String transferType;
  private final long restOffset;

  /** From SIZE (downloads) or ALLO (uploads); -1 if none. */
  private final long sizeFromCommands;

  ChannelDraft(
      int ordinal,
      PendingCommand transfer,
      Direction direction,
      String directory,
      AnnouncedEndpoint endpoint,
      boolean endpointReused,
      boolean addressDiffers,
      String user,
      String transferType,
      long restOffset,
      long sizeFromCommands) {
    this.ordinal = ordinal;
    this.transfer = transfer;
    this.direction = direction;
    this.directory = directory;
    this.endpoint = endpoint;
    this.endpointReused = endpointReused;
    this.addressDiffers = addressDiffers;
    this.user = user;
    this.transferType = transferType;
    this.restOffset = restOffset;
    this.sizeFromCommands = sizeFromCommands;
  }

  /** The transfer command, with the replies it has had so far. */
  PendingCommand transfer() {
    return transfer;
  }

  /**
   * The path a transfer or listing argument names. LIST arguments often start with ls-style options
   * ("-la"), which are not part of the path (a real-world convention, not RFC 959).
   */
  static String targetPath(String directory, Direction direction, String arg) {
    String target = arg;
    if (direction == Direction.LISTING) {
      target = arg.strip();
      while (target.startsWith("-")) {
        int space = target.indexOf(' ');
        target = space < 0 ? "" : target.substring(space + 1).strip();
      }
    }
    return target.isEmpty() ? directory : WorkingDirectory.resolve(directory, target);
  }

  ExpectedDataChannel build() {
    FtpReply reply = transfer.lastReply();
    String storedName = transfer.verb().equals("STOU") ? storedName().orElse(null) : null;
    return new ExpectedDataChannel(
        ordinal,
        transfer.verb(),
        transfer.arg(),
        resolvedPath(storedName),
        endpoint.mode,
        endpoint.passive,
        endpoint.address,
        addressDiffers,
        endpointReused,
        user,
        transferType,
        restOffset,
        endpoint.modeNanos,
        transfer.timeNanos,
        transfer.finalNanos(),
        reply == null ? 0 : reply.code(),
        reply == null ? "" : reply.text(),
        announcedSize(),
        direction,
        storedName,
        transfer.notUtf8);
  }

  private String resolvedPath(String storedName) {
    if (!transfer.verb().equals("STOU")) {
      return targetPath(directory, direction, transfer.arg());
    }
    if (storedName != null) {
      return WorkingDirectory.resolve(directory, storedName);
    }
    return transfer.arg().isEmpty() ? null : WorkingDirectory.resolve(directory, transfer.arg());
  }

  private Optional<String> storedName() {
    Optional<String> name = textOf(transfer.preliminaryReply()).flatMap(ReplyTexts::uniqueFileName);
    return name.isPresent()
        ? name
        : textOf(transfer.finalReply()).flatMap(ReplyTexts::uniqueFileName);
  }

  private long announcedSize() {
    if (direction == Direction.DOWNLOAD) {
      OptionalLong hint =
          textOf(transfer.preliminaryReply())
              .map(ReplyTexts::byteCountHint)
              .orElse(OptionalLong.empty());
      if (hint.isPresent()) {
        return hint.getAsLong();
      }
    }
    return sizeFromCommands;
  }

  private static Optional<String> textOf(FtpReply reply) {
    return reply == null ? Optional.empty() : Optional.of(reply.text());
  }
}
