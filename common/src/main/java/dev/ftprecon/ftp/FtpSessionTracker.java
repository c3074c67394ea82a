package dev.ftprecon.ftp;

import dev.ftprecon.ftp.LineSplitter.Line;
import java.util.Objects;

/**
 * Follows one FTP control connection. The caller feeds both directions' reassembled bytes in
 * capture order, interleaved as the packets arrived, then calls {@link #finish} once.
 *
 * <p>Bytes become lines ({@link LineSplitter}), client lines commands ({@link FtpCommand}), server
 * lines replies ({@link ReplyAssembler}); {@link CommandPairing} pairs them and {@link
 * SessionState} applies each answered command. Traffic never raises an exception: anomalies are
 * counted by name, and {@link FtpLimits} bounds everything that grows with the input. Misuse by the
 * caller (bad arguments, calls after {@code finish}) does throw.
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
  private final CommandPairing pairing;
  private boolean anyInputSeen;
  private long startNanos;
  private boolean firstDataByteChecked;
  private boolean tls;
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
    this.pairing = new CommandPairing(limits, anomalies, state);
  }

  /** Bytes the client sent, reassembled, in capture order. */
  public void clientData(long tsNanos, byte[] buf, int off, int len) {
    if (isClearText(tsNanos, buf, off, len)) {
      clientLines.feed(tsNanos, buf, off, len, this::clientLine);
    }
  }

  /** Bytes the server sent, reassembled, in capture order. */
  public void serverData(long tsNanos, byte[] buf, int off, int len) {
    if (isClearText(tsNanos, buf, off, len)) {
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
    pairing.giveUpWaiting();
    LoginState login = state.login();
    return new FtpSessionSummary(
        pairing.banner(),
        login.user(),
        login.password(),
        login.succeeded(),
        login.failed(),
        tls,
        anyInputSeen ? startNanos : endNanos,
        endNanos,
        pairing.records(),
        state.channels(),
        anomalies.snapshot(),
        pairing.recordsDropped());
  }

  private boolean isClearText(long tsNanos, byte[] buf, int off, int len) {
    checkNotFinished();
    Objects.checkFromIndexSize(off, len, buf.length);
    touch(tsNanos);
    if (len > 0 && !firstDataByteChecked) {
      firstDataByteChecked = true;
      // Implicit FTPS (port 990), or a capture that starts after AUTH TLS.
      tls = buf[off] >= TLS_FIRST_CONTENT_TYPE && buf[off] <= TLS_LAST_CONTENT_TYPE;
    }
    return !tls;
  }

  private void touch(long tsNanos) {
    if (!anyInputSeen) {
      anyInputSeen = true;
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
            command -> pairing.command(line.timestampNanos(), command, line.notUtf8()),
            () -> anomalies.add(Anomalies.NOT_A_COMMAND));
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
    pairing.reply(tsNanos, reply);
    if (state.tlsAccepted() && !tls) {
      // RFC 4217 §4: after 234 to AUTH TLS both directions carry TLS records.
      tls = true;
      clientLines.dropPartialLine();
      serverLines.dropPartialLine();
    }
  }

  private void checkNotFinished() {
    if (finished) {
      throw new IllegalStateException("session already finished");
    }
  }
}
