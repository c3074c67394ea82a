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
    StringBuilder j = new StringBuilder();
    j.append("{\n");
    member(j, 1, "behaviour", string(behaviour));
    member(j, 1, "source", string(source));
    member(j, 1, "captures", strings(captures));
    member(j, 1, "generator", string(generator));
    member(j, 1, "description", string(description));
    j.append("  \"transfer\": {\n");
    member(j, 2, "command", string(transfer.command()));
    member(j, 2, "path", string(transfer.path()));
    member(j, 2, "direction", string(transfer.direction()));
    j.append("    \"data_connection\": {\n");
    member(j, 3, "client_ip", string(transfer.clientIp()));
    member(j, 3, "client_port", Integer.toString(transfer.clientPort()));
    member(j, 3, "server_ip", string(transfer.serverIp()));
    last(j, 3, "server_port", Integer.toString(transfer.serverPort()));
    j.append("    }\n");
    j.append("  },\n");
    j.append("  \"expected\": {\n");
    member(j, 2, "status", string(expected.status()));
    member(j, 2, "bytes", Long.toString(expected.bytes()));
    member(j, 2, "sha256", string(expected.sha256()));
    member(j, 2, "missing_bytes", Long.toString(expected.missingBytes()));
    member(j, 2, "gaps", ranges(expected.gaps()));
    member(j, 2, "duplicate_bytes", Long.toString(expected.duplicateBytes()));
    member(j, 2, "conflict_bytes", Long.toString(expected.conflictBytes()));
    member(j, 2, "conflict_ranges", ranges(expected.conflictRanges()));
    member(j, 2, "original_bytes", Long.toString(expected.originalBytes()));
    last(j, 2, "original_sha256", string(expected.originalSha256()));
    j.append("  }\n");
    j.append("}\n");
    return j.toString();
  }

  private static void member(StringBuilder j, int depth, String name, String value) {
    last(j, depth, name, value);
    j.setLength(j.length() - 1);
    j.append(",\n");
  }

  private static void last(StringBuilder j, int depth, String name, String value) {
    j.append("  ".repeat(depth)).append(string(name)).append(": ").append(value).append('\n');
  }

  private static String ranges(List<FileRange> ranges) {
    if (ranges.isEmpty()) {
      return "[]";
    }
    StringBuilder j = new StringBuilder("[\n");
    for (int i = 0; i < ranges.size(); i++) {
      FileRange r = ranges.get(i);
      j.append("      [").append(r.start()).append(", ").append(r.end()).append(']');
      j.append(i + 1 < ranges.size() ? ",\n" : "\n");
    }
    return j.append("    ]").toString();
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
