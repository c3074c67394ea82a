package dev.ftprecon.faults;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one fault produced: the capture files (name to packets, in the order a reader should take
 * them), a description of exactly what was changed, and the expected outcome.
 *
 * <p>A fault whose captures hold several transfers lists them all in {@code transfers}, in time
 * order, each with its own data connection and outcome; {@code expected} is then the first one's,
 * so readers of the single {@code "transfer"}/{@code "expected"} pair still find a valid transfer.
 * For the usual one-transfer fault {@code transfers} is empty and the transfer is the source's.
 */
record FaultOutput(
    Map<String, List<Packet>> files,
    String description,
    ExpectedOutcome expected,
    List<Transfer> transfers) {

  /** One of several transfers: where its data went and what the job should report for it. */
  record Transfer(ExpectedTransfer transfer, ExpectedOutcome expected) {}

  FaultOutput {
    files = new LinkedHashMap<>(files);
    transfers = List.copyOf(transfers);
    SourceCapture.require(
        transfers.isEmpty() || transfers.get(0).expected().equals(expected),
        "the top-level expected outcome must be the first transfer's");
  }

  FaultOutput(Map<String, List<Packet>> files, String description, ExpectedOutcome expected) {
    this(files, description, expected, List.of());
  }

  /** The usual case: one capture named {@code <behaviour>.pcap}. */
  static FaultOutput single(
      String behaviour, List<Packet> packets, String description, ExpectedOutcome expected) {
    return new FaultOutput(Map.of(behaviour + ".pcap", packets), description, expected);
  }

  /** One capture named {@code <behaviour>.pcap} holding several transfers, in time order. */
  static FaultOutput several(
      String behaviour, List<Packet> packets, String description, List<Transfer> transfers) {
    SourceCapture.require(transfers.size() >= 2, "fewer than 2 transfers");
    return new FaultOutput(
        Map.of(behaviour + ".pcap", packets), description, transfers.get(0).expected(), transfers);
  }

  /** The transfer of the top-level "transfer" member: the first one, or else the source's. */
  ExpectedTransfer firstTransfer(ExpectedTransfer sourceTransfer) {
    return transfers.isEmpty() ? sourceTransfer : transfers.get(0).transfer();
  }
}
