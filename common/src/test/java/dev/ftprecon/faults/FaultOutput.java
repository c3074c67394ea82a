package dev.ftprecon.faults;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one fault produced: the capture files (name to packets, in the order a reader should take
 * them), a description of exactly what was changed, and the expected outcome.
 */
record FaultOutput(Map<String, List<Packet>> files, String description, ExpectedOutcome expected) {
  FaultOutput {
    files = new LinkedHashMap<>(files);
  }

  /** The usual case: one capture named {@code <behaviour>.pcap}. */
  static FaultOutput single(
      String behaviour, List<Packet> packets, String description, ExpectedOutcome expected) {
    return new FaultOutput(Map.of(behaviour + ".pcap", packets), description, expected);
  }
}
