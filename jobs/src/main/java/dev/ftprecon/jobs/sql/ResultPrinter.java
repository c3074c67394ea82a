package dev.ftprecon.jobs.sql;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Prints a query result as an aligned table, RFC 4180 CSV, or JSON lines. */
final class ResultPrinter {
  private ResultPrinter() {}

  static void print(Dataset<Row> result, String format, PrintStream out) {
    switch (format) {
      case "json" -> result.toJSON().collectAsList().forEach(out::println);
      case "csv" -> {
        out.println(csvLine(List.of(result.columns())));
        for (Row row : result.collectAsList()) {
          out.println(csvLine(cells(row)));
        }
      }
      default -> table(result, out);
    }
  }

  private static void table(Dataset<Row> result, PrintStream out) {
    List<List<String>> lines = new ArrayList<>();
    lines.add(List.of(result.columns()));
    result.collectAsList().forEach(r -> lines.add(cells(r)));
    int[] widths = new int[result.columns().length];
    for (List<String> line : lines) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    }
    for (int l = 0; l < lines.size(); l++) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        sb.append(i == 0 ? "" : " | ").append(pad(lines.get(l).get(i), widths[i]));
      }
      out.println(sb.toString().stripTrailing());
      if (l == 0) {
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
          rule.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
        }
        out.println(rule);
      }
    }
    out.println("(" + (lines.size() - 1) + " rows)");
  }

  private static List<String> cells(Row row) {
    List<String> cells = new ArrayList<>(row.length());
    for (int i = 0; i < row.length(); i++) {
      cells.add(row.isNullAt(i) ? "NULL" : String.valueOf(row.get(i)));
    }
    return cells;
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(width - s.length());
  }

  private static String csvLine(List<String> cells) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      if (i > 0) {
        sb.append(',');
      }
      if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
        sb.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
