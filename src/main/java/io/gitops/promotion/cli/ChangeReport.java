package io.gitops.promotion.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitops.promotion.publish.PublishResult;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prints a promotion's or a rollback's result and what its GitLab steps did, for people (a title,
 * the result, what changed, the commit, a GitLab section and the diff) or for programs (one JSON
 * object). Text output escapes control characters in what comes from the repository (names, titles,
 * the diff; see {@link TerminalText}); JSON output escapes them as JSON does.
 */
sealed interface ChangeReport {
  /**
   * @param mergeRequest the request the commit went through, null when it was pushed directly
   */
  void print(
      ReportedChange result,
      PublishResult gitlab,
      MergeRequestSummary mergeRequest,
      PrintWriter out);

  /**
   * {@code {result, title, <the kind's fields>, commit, diff, git, gitlab}}, and {@code
   * mergeRequest} when the commit went through one.
   */
  final class Json implements ChangeReport {
    @Override
    public void print(
        ReportedChange result,
        PublishResult gitlab,
        MergeRequestSummary mergeRequest,
        PrintWriter out) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("result", MergeRequestSummary.result(result.outcome(), mergeRequest));
      json.put("title", result.title());
      result.details().putFields(json);
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
        throw new IllegalStateException("a result is plain data", e);
      }
      out.flush();
    }
  }

  /** A title, the result, what changed, the commit, what GitLab got, and the diff. */
  final class Text implements ChangeReport {
    @Override
    public void print(
        ReportedChange result,
        PublishResult gitlab,
        MergeRequestSummary mergeRequest,
        PrintWriter out) {
      out.println(TerminalText.cell(result.title()));
      out.println(
          "Result: "
              + MergeRequestSummary.result(result.outcome(), mergeRequest)
              + MergeRequestSummary.resumedNote(result.resumed(), mergeRequest));
      out.println();
      result.details().printBody(out);
      MergeRequestSummary.printCommitAndGitLab(result.commit(), gitlab, mergeRequest, out);
      GitSection.print(result.counts(), out);
      if (!result.diff().isEmpty()) {
        out.println();
        out.print(TerminalText.lines(result.diff()));
      }
      out.flush();
    }
  }
}
