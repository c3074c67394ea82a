package dev.ftprecon.ftp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What the commands of one session have established, applied in reply order. A command takes effect
 * when its reply arrives, which is also when every command sent before it has been answered, so
 * pipelined commands see exactly the state the server saw.
 */
final class SessionState {

  /** RFC 4217 §6 mechanism names (TLS-C and TLS-P from its drafts, SSL from old clients). */
  private static final Set<String> TLS_MECHANISMS = Set.of("TLS", "SSL", "TLS-C", "TLS-P");

  /** RFC 959 §3.1.1.1: the default representation type is ASCII. */
  private static final String DEFAULT_TYPE = "A";

  private final HostPort clientControl;
  private final String serverIp;
  private final FtpLimits limits;
  private final AnomalyCounter anomalies;
  private final LoginState login = new LoginState();
  private final WorkingDirectory directory = new WorkingDirectory();
  private final List<ChannelDraft> channels = new ArrayList<>();
  private int nextOrdinal;
  private String transferType = DEFAULT_TYPE;
  private long restOffset;
  private long allocatedSize = -1;
  // Only the last SIZE answer is kept: clients ask right before the download, and a single entry
  // keeps memory bounded however many SIZE commands a session sends.
  private String sizedPath;
  private long sizedBytes = -1;
  private AnnouncedEndpoint endpoint;
  private boolean tlsAccepted;

  SessionState(
      HostPort clientControl, String serverIp, FtpLimits limits, AnomalyCounter anomalies) {
    this.clientControl = clientControl;
    this.serverIp = serverIp;
    this.limits = limits;
    this.anomalies = anomalies;
  }

  LoginState login() {
    return login;
  }

  /** Whether AUTH was accepted for TLS: from the next byte on, the connection is ciphertext. */
  boolean tlsAccepted() {
    return tlsAccepted;
  }

  void commandSent(FtpCommand command) {
    login.commandSent(command);
  }

  /** A 1yz reply: the transfer is starting, so its channel takes the state as it is now. */
  void preliminaryReply(PendingCommand command) {
    openChannelIfTransfer(command);
  }

  /** A command that will never get its reply (capture ended, or too many awaiting). */
  void unanswered(PendingCommand command) {
    openChannelIfTransfer(command);
  }

  void finalReply(PendingCommand command) {
    String verb = command.verb();
    String arg = command.arg();
    FtpReply reply = command.finalReply();
    int code = reply.code();
    login.replied(verb, code);
    switch (verb) {
      case "AUTH" ->
          tlsAccepted |=
              code == 234 && TLS_MECHANISMS.contains(arg.strip().toUpperCase(Locale.ROOT));
      case "CWD", "XCWD" -> {
        if (reply.positiveCompletion()) {
          directory.change(arg);
        }
      }
      case "CDUP", "XCUP" -> {
        if (reply.positiveCompletion()) {
          directory.up();
        }
      }
      case "PWD", "XPWD" -> {
        if (code == 257) {
          count(ReplyTexts.quotedPath(reply.text()), Anomalies.PWD_UNREADABLE)
              .ifPresent(directory::set);
        }
      }
      case "TYPE" -> {
        if (reply.positiveCompletion() && !arg.isBlank()) {
          transferType = arg.strip();
        }
      }
      case "REST" -> rest(code, arg);
      case "SIZE" -> size(code, reply.text(), arg);
      case "ALLO" -> {
        if (reply.positiveCompletion()) {
          allocatedSize = ReplyTexts.decimal(arg).orElse(-1);
        }
      }
      case "REIN" -> {
        if (reply.positiveCompletion()) {
          reinitialize();
        }
      }
      default -> {
        if (ModeCommands.isModeCommand(verb)) {
          modeReply(command);
        } else {
          openChannelIfTransfer(command);
        }
      }
    }
  }

  List<ExpectedDataChannel> channels() {
    List<ExpectedDataChannel> built = new ArrayList<>(channels.size());
    for (ChannelDraft draft : channels) {
      built.add(draft.build());
    }
    return built;
  }

  /** RFC 3659 §5: REST applies to the next transfer command only; 350 means it was accepted. */
  private void rest(int code, String arg) {
    if (code == 350) {
      OptionalLong offset = ReplyTexts.decimal(arg);
      if (offset.isEmpty()) {
        anomalies.add(Anomalies.REST_UNREADABLE);
      }
      restOffset = offset.orElse(0);
    }
  }

  /** RFC 3659 §4: 213 carries the size; remembered for a download of the same path. */
  private void size(int code, String text, String arg) {
    if (code == 213) {
      OptionalLong bytes = ReplyTexts.decimal(text);
      if (bytes.isEmpty()) {
        anomalies.add(Anomalies.SIZE_UNREADABLE);
        return;
      }
      sizedPath = directory.resolve(arg);
      sizedBytes = bytes.getAsLong();
    }
  }

  /** RFC 959 §4.1.1 REIN: back to the state right after the connection was opened. */
  private void reinitialize() {
    directory.reset();
    transferType = DEFAULT_TYPE;
    restOffset = 0;
    allocatedSize = -1;
    endpoint = null;
  }

  /** Any mode command ends the endpoint in force; an accepted one announces the next. */
  private void modeReply(PendingCommand command) {
    if (!ModeCommands.isEpsvAll(command)) {
      endpoint = ModeCommands.announced(command, serverIp, anomalies).orElse(null);
      if (endpoint != null
          && !endpoint.passive
          && !endpoint.address.ip().equals(clientControl.ip())) {
        anomalies.add(Anomalies.FTP_BOUNCE);
      }
    }
  }

  private void openChannelIfTransfer(PendingCommand command) {
    Optional<Direction> direction = Direction.ofVerb(command.verb());
    if (direction.isEmpty() || command.channelDecided) {
      return;
    }
    command.channelDecided = true;
    long rest = restOffset;
    long allocated = allocatedSize;
    restOffset = 0;
    allocatedSize = -1;
    if (channels.size() >= limits.maxChannels() && !evictRefusedFor(command)) {
      anomalies.add(Anomalies.CHANNELS_DROPPED);
      return;
    }
    if (endpoint == null) {
      anomalies.add(Anomalies.TRANSFER_WITHOUT_MODE);
      endpoint = AnnouncedEndpoint.rfc959Default(clientControl, command.timeNanos);
    }
    String expectedIp = endpoint.passive ? serverIp : clientControl.ip();
    String path = ChannelDraft.targetPath(directory.current(), direction.get(), command.arg());
    long size =
        switch (direction.get()) {
          case DOWNLOAD -> path.equals(sizedPath) ? sizedBytes : -1;
          case UPLOAD -> allocated;
          case LISTING -> -1;
        };
    channels.add(
        new ChannelDraft(
            nextOrdinal++,
            command,
            direction.get(),
            directory.current(),
            endpoint,
            endpoint.use(),
            !endpoint.address.ip().equals(expectedIp),
            login.user(),
            transferType,
            rest,
            size));
  }

  /**
   * At the channel cap, a transfer that may still carry data takes the place of the oldest refused
   * one: a transfer command answered 4yz/5yz without a 1yz reply opened no data connection (RFC 959
   * §5.4), so only its row is lost, not a file. A flood of refused transfers (a hostile client
   * announcing port after port) therefore cannot push a real transfer out. The evicted channel is
   * counted as dropped.
   */
  private boolean evictRefusedFor(PendingCommand command) {
    if (refused(command)) {
      return false;
    }
    for (int i = 0; i < channels.size(); i++) {
      if (refused(channels.get(i).transfer())) {
        channels.remove(i);
        anomalies.add(Anomalies.CHANNELS_DROPPED);
        return true;
      }
    }
    return false;
  }

  private static boolean refused(PendingCommand command) {
    FtpReply last = command.finalReply();
    return command.preliminaryReply() == null && last != null && last.code() >= 400;
  }

  private <T> Optional<T> count(Optional<T> parsed, String anomalyIfEmpty) {
    if (parsed.isEmpty()) {
      anomalies.add(anomalyIfEmpty);
    }
    return parsed;
  }
}
