package io.gitops.promotion.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitops.promotion.engine.PromotionResult;
import io.gitops.promotion.engine.TagChange;
import io.gitops.promotion.publish.PublishResult;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints a promotion result and what its GitLab steps did, for people (a table, a GitLab section
 * and the diff) or for programs (one JSON object). Text output escapes control characters in what
 * comes from the repository (names, titles, the diff; see {@link TerminalText}); JSON output
 * escapes them as JSON does.
 */
sealed interface PromotionReport {
  default void print(PromotionResult result, PublishResult gitlab, PrintWriter out) {
    print(result, gitlab, null, out);
  }

  /**
   * @param mergeRequest the request the commit went through, null when it was pushed directly
   */
  void print(
      PromotionResult result,
      PublishResult gitlab,
      MergeRequestSummary mergeRequest,
      PrintWriter out);

  /**
   * {@code {result, title, version, releaseTag, changes, warnings, commit, diff, git, gitlab}}, and
   * {@code mergeRequest} when the commit went through one.
   */
  final class Json implements PromotionReport {
    @Override
    public void print(
        PromotionResult result,
        PublishResult gitlab,
        MergeRequestSummary mergeRequest,
        PrintWriter out) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("result", MergeRequestSummary.result(result.outcome().label(), mergeRequest));
      json.put("title", result.title());
      json.put("version", result.version());
      json.put("releaseTag", result.releaseTag());
      json.put("changes", result.changes());
      json.put("warnings", result.warnings());
      json.put("commit", result.commit());
      json.put("diff", result.diff());
      json.put("git", GitSection.json(result.counts()));
      json.put("gitlab", GitLabSection.json(gitlab));
      if (mergeRequest != null) {
        json.put("mergeRequest", mergeRequest.json());
      }
      try {
        out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a promotion result is plain data", e);
      }
      out.flush();
    }
  }

  /** A title, a table of changes, warnings, the commit, what GitLab got, and the diff. */
  final class Text implements PromotionReport {
    @Override
    public void print(
        PromotionResult result,
        PublishResult gitlab,
        MergeRequestSummary mergeRequest,
        PrintWriter out) {
      out.println(TerminalText.cell(result.title()));
      out.println(
          "Result: "
              + MergeRequestSummary.result(result.outcome().label(), mergeRequest)
              + MergeRequestSummary.resumedNote(result.resumed(), mergeRequest));
      out.println();
      printTable(result.changes(), out);
      for (String warning : result.warnings()) {
        out.println("warning: " + TerminalText.lines(warning));
      }
      MergeRequestSummary.printCommitAndGitLab(result.commit(), gitlab, mergeRequest, out);
      GitSection.print(result.counts(), out);
      if (!result.diff().isEmpty()) {
        out.println();
        out.print(TerminalText.lines(result.diff()));
      }
      out.flush();
    }

    private static void printTable(List<TagChange> changes, PrintWriter out) {
      if (changes.isEmpty()) {
        out.println("No tag changes: every target tag already equals its source tag.");
        out.println();
        return;
      }
      TextTable table = new TextTable("SERVICE", "APP", "FROM", "TO");
      for (TagChange c : changes) {
        table.row(c.service(), c.app(), c.from(), c.to());
      }
      table.print(out);
      out.println();
    }
  }
}
