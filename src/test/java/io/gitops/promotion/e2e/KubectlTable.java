package io.gitops.promotion.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table {@code kubectl get} prints, read by column position as a person reads it: a column
 * starts where its header starts, so an empty cell (no commit yet) stays empty.
 */
record KubectlTable(List<String> header, List<Map<String, String>> rows) {

  static KubectlTable parse(String output) {
    List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
    String headerLine = lines.get(0);
    List<String> header = List.of(headerLine.trim().split("\\s+"));
    List<Integer> starts = new ArrayList<>();
    int from = 0;
    for (String name : header) {
      int at = headerLine.indexOf(name, from);
      starts.add(at);
      from = at + name.length();
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        int start = Math.min(starts.get(i), line.length());
        int end =
            i + 1 < header.size() ? Math.min(starts.get(i + 1), line.length()) : line.length();
        row.put(header.get(i), line.substring(start, end).trim());
      }
      rows.add(row);
    }
    return new KubectlTable(header, rows);
  }

  Map<String, String> row(String name) {
    return rows.stream()
        .filter(r -> name.equals(r.get("NAME")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + name + " in " + rows));
  }
}
