package io.gitops.promotion.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitops.promotion.publish.PublishResult;
import io.gitops.promotion.rollback.Conflict;
import io.gitops.promotion.rollback.Restoration;
import io.gitops.promotion.rollback.RollbackOutcome;
import io.gitops.promotion.rollback.RollbackResult;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prints a rollback result and what its GitLab steps did, for people (tables, a GitLab section and
 * the diff) or for programs (one JSON object). Text output escapes control characters in what comes
 * from the repository (names, titles, the diff; see {@link TerminalText}); JSON output escapes them
 * as JSON does.
 */
sealed interface RollbackReport {
  default void print(RollbackResult result, PublishResult gitlab, PrintWriter out) {
    print(result, gitlab, null, out);
  }

  /**
   * @param mergeRequest the request the commit went through, null when it was pushed directly
   */
  void print(
      RollbackResult result,
      PublishResult gitlab,
      MergeRequestSummary mergeRequest,
      PrintWriter out);

  /**
   * {@code {result, title, promotionId, restored, conflicts, commit, diff, gitlab}}, and {@code
   * mergeRequest} when the commit went through one.
   */
  final class Json implements RollbackReport {
    @Override
    public void print(
        RollbackResult result,
        PublishResult gitlab,
        MergeRequestSummary mergeRequest,
        PrintWriter out) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("result", MergeRequestSummary.result(result.outcome().label(), mergeRequest));
      json.put("title", result.title());
      json.put("promotionId", result.promotionId());
      json.put("restored", result.restored());
      json.put("conflicts", result.conflicts());
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
        throw new IllegalStateException("a rollback result is plain data", e);
      }
      out.flush();
    }
  }

  /**
   * A title, the restored tags, the applications left alone, the commit, what GitLab got, and the
   * diff.
   */
  final class Text implements RollbackReport {
    @Override
    public void print(
        RollbackResult result,
        PublishResult gitlab,
        MergeRequestSummary mergeRequest,
        PrintWriter out) {
      out.println(TerminalText.cell(result.title()));
      out.println(
          "Result: "
              + MergeRequestSummary.result(result.outcome().label(), mergeRequest)
              + MergeRequestSummary.resumedNote(result.resumed(), mergeRequest));
      out.println();
      if (result.restored().isEmpty()) {
        out.println(
            result.outcome() == RollbackOutcome.NOTHING_TO_ROLL_BACK
                ? "Nothing to restore: every tag already equals its pre-promotion value."
                : "Nothing left to restore but the applications left alone below.");
      } else {
        TextTable restored = new TextTable("SERVICE", "APP", "FROM", "TO");
        result
            .restored()
            .forEach((Restoration r) -> restored.row(r.service(), r.app(), r.from(), r.to()));
        restored.print(out);
      }
      out.println();
      if (!result.conflicts().isEmpty()) {
        out.println(
            "Left alone, changed since the promotion (--force restores those still present):");
        TextTable conflicts = new TextTable("SERVICE", "APP", "PROMOTED", "NOW", "BEFORE");
        result
            .conflicts()
            .forEach(
                (Conflict c) ->
                    conflicts.row(c.service(), c.app(), c.expected(), c.actual(), c.restoreTo()));
        conflicts.print(out);
        out.println();
      }
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
