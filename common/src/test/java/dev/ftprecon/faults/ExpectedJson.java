package dev.ftprecon.faults;

import java.util.List;

/**
 * Renders {@code <behaviour>.expected.json}. Hand-written so the layout is fixed (same bytes on
 * every run, diffs readable in review): two-space indent, one range per line.
 */
final class ExpectedJson {
  private ExpectedJson() {}

  static String render(
      String behaviour,
      String source,
      List<String> captures,
      String generator,
      String description,
      ExpectedTransfer transfer,
      ExpectedOutcome expected) {
    return render(
        behaviour, source, captures, generator, description, transfer, expected, List.of());
  }

  /**
   * With {@code transfers} not empty, a {@code "transfers"} array follows {@code "expected"}: one
   * {@code {"transfer": …, "expected": …}} object per transfer, in the order given.
   */
  static String render(
      String behaviour,
      String source,
      List<String> captures,
      String generator,
      String description,
      ExpectedTransfer transfer,
      ExpectedOutcome expected,
      List<FaultOutput.Transfer> transfers) {
    StringBuilder j = new StringBuilder();
    j.append("{\n");
    member(j, 1, "behaviour", string(behaviour));
    member(j, 1, "source", string(source));
    member(j, 1, "captures", strings(captures));
    member(j, 1, "generator", string(generator));
    member(j, 1, "description", string(description));
    transfer(j, 1, transfer);
    j.append(",\n");
    expected(j, 1, expected);
    if (!transfers.isEmpty()) {
      j.append(",\n  \"transfers\": [\n");
      for (int i = 0; i < transfers.size(); i++) {
        j.append("    {\n");
        transfer(j, 3, transfers.get(i).transfer());
        j.append(",\n");
        expected(j, 3, transfers.get(i).expected());
        j.append("\n    }").append(i + 1 < transfers.size() ? ",\n" : "\n");
      }
      j.append("  ]");
    }
    j.append("\n}\n");
    return j.toString();
  }

  /** {@code "transfer": {…}} at {@code depth}, without the line end after its closing brace. */
  private static void transfer(StringBuilder j, int depth, ExpectedTransfer transfer) {
    String indent = "  ".repeat(depth);
    j.append(indent).append("\"transfer\": {\n");
    member(j, depth + 1, "command", string(transfer.command()));
    member(j, depth + 1, "path", string(transfer.path()));
    member(j, depth + 1, "direction", string(transfer.direction()));
    j.append(indent).append("  \"data_connection\": {\n");
    member(j, depth + 2, "client_ip", string(transfer.clientIp()));
    member(j, depth + 2, "client_port", Integer.toString(transfer.clientPort()));
    member(j, depth + 2, "server_ip", string(transfer.serverIp()));
    last(j, depth + 2, "server_port", Integer.toString(transfer.serverPort()));
    j.append(indent).append("  }\n");
    j.append(indent).append('}');
  }

  /** {@code "expected": {…}} at {@code depth}, without the line end after its closing brace. */
  private static void expected(StringBuilder j, int depth, ExpectedOutcome expected) {
    String indent = "  ".repeat(depth);
    int d = depth + 1;
    j.append(indent).append("\"expected\": {\n");
    member(j, d, "status", string(expected.status()));
    member(j, d, "bytes", Long.toString(expected.bytes()));
    member(j, d, "sha256", string(expected.sha256()));
    member(j, d, "missing_bytes", Long.toString(expected.missingBytes()));
    member(j, d, "gaps", ranges(d, expected.gaps()));
    member(j, d, "duplicate_bytes", Long.toString(expected.duplicateBytes()));
    member(j, d, "conflict_bytes", Long.toString(expected.conflictBytes()));
    member(j, d, "conflict_ranges", ranges(d, expected.conflictRanges()));
    member(j, d, "original_bytes", Long.toString(expected.originalBytes()));
    if (expected.announcedAddressDiffers() == null) {
      last(j, d, "original_sha256", string(expected.originalSha256()));
    } else {
      member(j, d, "original_sha256", string(expected.originalSha256()));
      last(j, d, "announced_address_differs", expected.announcedAddressDiffers().toString());
    }
    j.append(indent).append('}');
  }

  private static void member(StringBuilder j, int depth, String name, String value) {
    last(j, depth, name, value);
    j.setLength(j.length() - 1);
    j.append(",\n");
  }

  private static void last(StringBuilder j, int depth, String name, String value) {
    j.append("  ".repeat(depth)).append(string(name)).append(": ").append(value).append('\n');
  }

  /** A range list as a member value at {@code depth}: one range per line, one level deeper. */
  private static String ranges(int depth, List<FileRange> ranges) {
    if (ranges.isEmpty()) {
      return "[]";
    }
    String indent = "  ".repeat(depth);
    StringBuilder j = new StringBuilder("[\n");
    for (int i = 0; i < ranges.size(); i++) {
      FileRange r = ranges.get(i);
      j.append(indent).append("  [").append(r.start()).append(", ").append(r.end()).append(']');
      j.append(i + 1 < ranges.size() ? ",\n" : "\n");
    }
    return j.append(indent).append(']').toString();
  }

  private static String strings(List<String> values) {
    StringBuilder j = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      j.append(i > 0 ? ", " : "").append(string(values.get(i)));
    }
    return j.append(']').toString();
  }

  static String string(String s) {
    StringBuilder j = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        j.append('\\').append(c);
      } else if (c < 0x20) {
        j.append(String.format("\\u%04x", (int) c));
      } else {
        j.append(c);
      }
    }
    return j.append('"').toString();
  }
}
