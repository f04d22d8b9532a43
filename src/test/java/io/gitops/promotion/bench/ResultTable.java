package io.gitops.promotion.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The end-to-end results as a Markdown table (for docs/benchmarks.md) and as CSV. */
final class ResultTable {
  private record Row(String scenario, String history, String services, Samples samples) {}

  private final List<Row> rows = new ArrayList<>();

  void add(String scenario, Integer history, Integer services, Samples samples) {
    rows.add(
        new Row(
            scenario,
            history == null ? "-" : String.format(Locale.ROOT, "%,d", history),
            services == null ? "-" : String.valueOf(services),
            samples));
  }

  String markdown() {
    StringBuilder out =
        new StringBuilder(
            "| scenario | H | S | runs | median ms | p25-p75 ms | min-max ms | CPU median ms¹ |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Row row : rows) {
      Samples s = row.samples();
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %d | %s | %s-%s | %s-%s | %s |%n",
              row.scenario(),
              row.history(),
              row.services(),
              s.count(),
              ms(s.median()),
              ms(s.p25()),
              ms(s.p75()),
              ms(s.min()),
              ms(s.max()),
              ms(s.cpuMedian())));
    }
    return out.append(
            "\n¹ engine rows: CPU of the whole benchmark JVM (client, in-process Git server, JGit's background"
                + " gc); step rows: CPU of the promoting thread only; CLI rows: not measured.\n")
        .toString();
  }

  String csv() {
    StringBuilder out =
        new StringBuilder(
            "scenario,history,services,runs,median_ms,p25_ms,p75_ms,min_ms,max_ms,cpu_median_ms\n");
    for (Row row : rows) {
      Samples s = row.samples();
      out.append(
          String.format(
              Locale.ROOT,
              "%s,%s,%s,%d,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f%n",
              row.scenario(),
              row.history().replace(",", ""),
              row.services(),
              s.count(),
              s.median(),
              s.p25(),
              s.p75(),
              s.min(),
              s.max(),
              s.cpuMedian()));
    }
    return out.toString();
  }

  void write(Path dir, String header) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("results.md"), header + "\n" + markdown());
      Files.writeString(dir.resolve("results.csv"), csv());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String ms(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%,.0f", value);
  }
}
