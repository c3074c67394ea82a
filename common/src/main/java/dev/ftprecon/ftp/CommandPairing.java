package dev.ftprecon.ftp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Pairs commands with replies and keeps the records. Commands wait in a FIFO: 1yz replies attach to
 * the oldest waiting command without completing it, 2yz-5yz complete it (RFC 959 §4.2, §5.4).
 * Pipelined commands pair correctly because the server answers in order. Replies with nothing
 * waiting (the greeting, a 421 on shutdown) are recorded without a command.
 */
final class CommandPairing {

  private final FtpLimits limits;
  private final AnomalyCounter anomalies;
  private final SessionState state;
  private final Deque<PendingCommand> awaitingReply = new ArrayDeque<>();
  private final List<PendingCommand> records = new ArrayList<>();
  private long recordsDropped;
  private String banner;
  private boolean greetingExpected = true;

  CommandPairing(FtpLimits limits, AnomalyCounter anomalies, SessionState state) {
    this.limits = limits;
    this.anomalies = anomalies;
    this.state = state;
  }

  /** {@code notUtf8}: the command line was read as ISO-8859-1 (see LineSplitter.Line). */
  void command(long tsNanos, FtpCommand command, boolean notUtf8) {
    PendingCommand pending = new PendingCommand(tsNanos, command, notUtf8);
    record(pending);
    state.commandSent(command);
    if (awaitingReply.size() >= limits.maxPendingCommands()) {
      anomalies.add(Anomalies.PENDING_OVERFLOW);
      state.unanswered(awaitingReply.removeFirst());
    }
    awaitingReply.addLast(pending);
  }

  void reply(long tsNanos, FtpReply reply) {
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
  }

  /** At the end: the commands still waiting will never be answered. */
  void giveUpWaiting() {
    for (PendingCommand command : awaitingReply) {
      state.unanswered(command);
    }
    awaitingReply.clear();
  }

  /** Text of the 220 greeting, null if none was seen. */
  String banner() {
    return banner;
  }

  List<FtpCommandRecord> records() {
    List<FtpCommandRecord> out = new ArrayList<>(records.size());
    for (PendingCommand record : records) {
      out.add(record.toRecord());
    }
    return out;
  }

  /** Records not kept because of {@link FtpLimits#maxCommands()}. */
  long recordsDropped() {
    return recordsDropped;
  }

  private void record(PendingCommand entry) {
    if (records.size() < limits.maxCommands()) {
      records.add(entry);
    } else {
      recordsDropped++;
    }
  }
}
