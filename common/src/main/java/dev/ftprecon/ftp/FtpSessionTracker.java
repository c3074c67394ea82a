package dev.ftprecon.ftp;

import dev.ftprecon.ftp.LineSplitter.Line;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Follows one FTP control connection. The caller feeds both directions' reassembled bytes in
 * capture order, interleaved as the packets arrived, then calls {@link #finish} once.
 *
 * <p>Commands wait in a FIFO for their replies: 1yz replies attach to the oldest waiting command
 * without completing it, 2yz-5yz complete it (RFC 959 §4.2, §5.4). Pipelined commands pair
 * correctly because the server answers in order. Replies with nothing waiting (the greeting, a 421
 * on shutdown) are recorded without a command. Traffic never raises an exception: anomalies are
 * counted by name, and {@link FtpLimits} bounds every collection.
 */
public final class FtpSessionTracker {

  /** TLS record content types 20-23 (RFC 8446 §5.1); never the first byte of an FTP line. */
  private static final int TLS_FIRST_CONTENT_TYPE = 20;

  private static final int TLS_LAST_CONTENT_TYPE = 23;

  private final FtpLimits limits;
  private final AnomalyCounter anomalies = new AnomalyCounter();
  private final LineSplitter clientLines;
  private final LineSplitter serverLines;
  private final ReplyAssembler replies;
  private final SessionState state;
  private final Deque<PendingCommand> awaitingReply = new ArrayDeque<>();
  private final List<PendingCommand> records = new ArrayList<>();
  private long commandsDropped;
  private String banner;
  private boolean greetingExpected = true;
  private boolean anyBytesSeen;
  private boolean firstDataByteChecked;
  private boolean tls;
  private long startNanos;
  private boolean finished;

  public FtpSessionTracker(
      String clientIp, int clientPort, String serverIp, int serverPort, FtpLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
    HostPort client = new HostPort(clientIp, clientPort);
    HostPort server = new HostPort(serverIp, serverPort);
    this.clientLines = new LineSplitter(limits.maxLineBytes());
    this.serverLines = new LineSplitter(limits.maxLineBytes());
    this.replies = new ReplyAssembler(limits.maxReplyLines(), anomalies);
    this.state = new SessionState(client, server.ip(), limits, anomalies);
  }

  /** Bytes the client sent, reassembled, in capture order. */
  public void clientData(long tsNanos, byte[] buf, int off, int len) {
    if (accept(tsNanos, buf, off, len)) {
      clientLines.feed(tsNanos, buf, off, len, this::clientLine);
    }
  }

  /** Bytes the server sent, reassembled, in capture order. */
  public void serverData(long tsNanos, byte[] buf, int off, int len) {
    if (accept(tsNanos, buf, off, len)) {
      serverLines.feed(tsNanos, buf, off, len, this::serverLine);
    }
  }

  /**
   * A hole in the reassembled stream of one direction: the unfinished line there is dropped. On the
   * server side an open multi-line reply is closed too, as the hole most likely held its last line.
   */
  public void gap(boolean fromClient, long tsNanos, long bytes) {
    checkNotFinished();
    touch(tsNanos);
    if (tls) {
      return;
    }
    if (fromClient) {
      anomalies.add(Anomalies.CLIENT_GAP);
      clientLines.dropPartialLine();
    } else {
      anomalies.add(Anomalies.SERVER_GAP);
      serverLines.dropPartialLine();
      replies.flush().ifPresent(reply -> reply(tsNanos, reply));
    }
  }

  /**
   * Ends the session. An unfinished client line is dropped (the server never acts on a command
   * without its line end); an unfinished server line is taken as a reply, since the server did say
   * it. Transfer commands still awaiting a reply get their channels now.
   */
  public FtpSessionSummary finish(long endNanos) {
    checkNotFinished();
    finished = true;
    if (!tls) {
      if (clientLines.hasPartialLine()) {
        anomalies.add(Anomalies.UNFINISHED_LINE);
        clientLines.dropPartialLine();
      }
      serverLines
          .flush(endNanos)
          .ifPresent(
              line -> {
                anomalies.add(Anomalies.UNFINISHED_LINE);
                serverLine(line);
              });
      replies.flush().ifPresent(reply -> reply(endNanos, reply));
    }
    for (PendingCommand command : awaitingReply) {
      state.unanswered(command);
    }
    awaitingReply.clear();
    List<FtpCommandRecord> commands = new ArrayList<>(records.size());
    for (PendingCommand record : records) {
      commands.add(record.toRecord());
    }
    LoginState login = state.login();
    return new FtpSessionSummary(
        banner,
        login.user(),
        login.password(),
        login.succeeded(),
        login.failed(),
        tls,
        anyBytesSeen ? startNanos : endNanos,
        endNanos,
        commands,
        state.channels(),
        anomalies.snapshot(),
        commandsDropped);
  }

  /** Common entry checks; answers whether the bytes are clear text to parse. */
  private boolean accept(long tsNanos, byte[] buf, int off, int len) {
    checkNotFinished();
    Objects.checkFromIndexSize(off, len, buf.length);
    touch(tsNanos);
    if (len > 0 && !firstDataByteChecked) {
      firstDataByteChecked = true;
      // Implicit FTPS (port 990), or a capture that starts after AUTH TLS.
      tls = looksLikeTls(buf[off]);
    }
    return !tls;
  }

  private static boolean looksLikeTls(byte first) {
    return first >= TLS_FIRST_CONTENT_TYPE && first <= TLS_LAST_CONTENT_TYPE;
  }

  private void touch(long tsNanos) {
    if (!anyBytesSeen) {
      anyBytesSeen = true;
      startNanos = tsNanos;
    }
  }

  private void clientLine(Line line) {
    if (tls) {
      return; // the rest of a packet that carried the switch to TLS
    }
    if (line.truncated()) {
      anomalies.add(Anomalies.lineTooLong(limits.maxLineBytes()));
    }
    FtpCommand.parse(line.text())
        .ifPresentOrElse(
            command -> command(line.timestampNanos(), command),
            () -> anomalies.add(Anomalies.NOT_A_COMMAND));
  }

  private void command(long tsNanos, FtpCommand command) {
    PendingCommand pending = new PendingCommand(tsNanos, command);
    record(pending);
    state.commandSent(command);
    if (awaitingReply.size() >= limits.maxPendingCommands()) {
      anomalies.add(Anomalies.PENDING_OVERFLOW);
      state.unanswered(awaitingReply.removeFirst());
    }
    awaitingReply.addLast(pending);
  }

  private void serverLine(Line line) {
    if (tls) {
      return;
    }
    if (line.truncated()) {
      anomalies.add(Anomalies.lineTooLong(limits.maxLineBytes()));
    }
    replies.accept(line.text()).ifPresent(reply -> reply(line.timestampNanos(), reply));
  }

  private void reply(long tsNanos, FtpReply reply) {
    int code = reply.code();
    if (code == 0) {
      record(PendingCommand.unsolicited(tsNanos, reply));
      return;
    }
    // The greeting answers no command, even if an eager client spoke first. 120 announces a delay
    // and the 220 still follows (RFC 959 §5.4).
    if (greetingExpected && (code == 120 || code == 220)) {
      greetingExpected = code == 120;
      if (code == 220) {
        banner = reply.text();
      }
      record(PendingCommand.unsolicited(tsNanos, reply));
      return;
    }
    greetingExpected = false;
    PendingCommand head = awaitingReply.peekFirst();
    if (head == null) {
      if (code != 421) {
        anomalies.add(Anomalies.UNSOLICITED_REPLY);
      }
      record(PendingCommand.unsolicited(tsNanos, reply));
      return;
    }
    if (reply.preliminary()) {
      head.preliminary(reply);
      state.preliminaryReply(head);
      return;
    }
    awaitingReply.removeFirst();
    head.complete(tsNanos, reply);
    state.finalReply(head);
    if (state.tlsAccepted()) {
      startTls();
    }
  }

  /** RFC 4217 §4: after 234 to AUTH TLS both directions carry TLS records. */
  private void startTls() {
    tls = true;
    clientLines.dropPartialLine();
    serverLines.dropPartialLine();
  }

  private void record(PendingCommand entry) {
    if (records.size() < limits.maxCommands()) {
      records.add(entry);
    } else {
      commandsDropped++;
    }
  }

  private void checkNotFinished() {
    if (finished) {
      throw new IllegalStateException("session already finished");
    }
  }
}
