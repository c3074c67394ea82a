package dev.ftprecon.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The {@code %%sql} cells of the notebooks in notebooks/, read from their nbformat 4 JSON. */
final class NotebookCells {
  /** One SQL cell: its notebook, its -o name (null without one) and its statement. */
  record SqlCell(String notebook, String name, String sql) {
    @Override
    public String toString() {
      return notebook + ":" + (name == null ? "(no -o)" : name);
    }
  }

  private NotebookCells() {}

  static List<Path> notebooks(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    }
  }

  /** The SQL cells of one notebook in order; fails on anything that is not nbformat 4. */
  static List<SqlCell> sqlCells(Path notebook) throws IOException {
    JsonNode nb = new ObjectMapper().readTree(notebook.toFile());
    if (nb.path("nbformat").asInt() != 4 || !nb.path("cells").isArray()) {
      throw new IOException(notebook + ": not an nbformat 4 notebook");
    }
    List<SqlCell> cells = new ArrayList<>();
    for (JsonNode cell : nb.get("cells")) {
      String type = cell.path("cell_type").asText();
      if (!List.of("code", "markdown", "raw").contains(type)) {
        throw new IOException(notebook + ": cell type " + type);
      }
      String source = source(cell.get("source"));
      if (!type.equals("code") || !source.startsWith("%%sql")) {
        continue;
      }
      int eol = source.indexOf('\n');
      String magic = eol < 0 ? source : source.substring(0, eol);
      String sql = eol < 0 ? "" : source.substring(eol + 1).strip();
      cells.add(new SqlCell(notebook.getFileName().toString(), outputName(magic), sql));
    }
    return cells;
  }

  /** nbformat allows a string or a list of lines. */
  private static String source(JsonNode source) {
    if (source == null) {
      return "";
    }
    if (source.isTextual()) {
      return source.asText();
    }
    StringBuilder s = new StringBuilder();
    source.forEach(line -> s.append(line.asText()));
    return s.toString();
  }

  private static String outputName(String magic) {
    String[] words = magic.trim().split("\\s+");
    for (int i = 1; i + 1 < words.length; i++) {
      if (words[i].equals("-o")) {
        return words[i + 1];
      }
    }
    return null;
  }
}
