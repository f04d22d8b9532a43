package io.gitops.promotion.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Left-aligned columns two spaces apart, the last one unpadded: the tables the commands print.
 * Cells come from the repository, so control characters in them are escaped (see {@link
 * TerminalText}).
 */
final class TextTable {
  private final List<String[]> rows = new ArrayList<>();

  TextTable(String... headers) {
    rows.add(headers.clone());
  }

  /** Adds a row; a null cell prints as {@code -}. */
  TextTable row(String... cells) {
    String[] row = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      row[i] = cells[i] == null ? "-" : TerminalText.cell(cells[i]);
    }
    rows.add(row);
    return this;
  }

  void print(PrintWriter out) {
    int columns = rows.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder format = new StringBuilder();
    for (int i = 0; i < columns - 1; i++) {
      format.append("%-").append(widths[i]).append("s  ");
    }
    format.append("%s%n");
    for (String[] row : rows) {
      out.printf(format.toString(), (Object[]) row);
    }
  }
}
