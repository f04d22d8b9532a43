package io.gitops.promotion.cli;

import io.gitops.promotion.engine.PromotionResult;
import io.gitops.promotion.engine.TagChange;
import java.io.PrintWriter;
import java.util.Map;

/**
 * The details of a promotion's result in a report: {@code version, releaseTag, changes, warnings}
 * in JSON; the table of tag changes and the warnings in text.
 */
record PromotionDetails(PromotionResult result) implements ReportedChange.Details {
  @Override
  public void putFields(Map<String, Object> json) {
    json.put("version", result.version());
    json.put("releaseTag", result.releaseTag());
    json.put("changes", result.changes());
    json.put("warnings", result.warnings());
  }

  @Override
  public void printBody(PrintWriter out) {
    if (result.changes().isEmpty()) {
      out.println("No tag changes: every target tag already equals its source tag.");
    } else {
      TextTable table = new TextTable("SERVICE", "APP", "FROM", "TO");
      for (TagChange c : result.changes()) {
        table.row(c.service(), c.app(), c.from(), c.to());
      }
      table.print(out);
    }
    out.println();
    for (String warning : result.warnings()) {
      out.println("warning: " + TerminalText.lines(warning));
    }
  }
}
