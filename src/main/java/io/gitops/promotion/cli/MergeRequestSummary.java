package io.gitops.promotion.cli;

import io.gitops.promotion.gitlab.MergeRequestState;
import io.gitops.promotion.publish.PublishResult;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The merge request a {@code promote --merge-request} opened (or resumed), as the report prints it:
 * {@code mergeRequest: {iid, url, sourceBranch, state, resumed}} in JSON and a {@code Merge
 * request:} line in text.
 *
 * @param resumed whether it comes from the branch an earlier run pushed with the same change
 */
record MergeRequestSummary(
    long iid, String url, String sourceBranch, String state, boolean resumed) {
  static MergeRequestSummary of(MergeRequestState mr, String sourceBranch, boolean resumed) {
    return new MergeRequestSummary(mr.iid(), mr.webUrl(), sourceBranch, mr.state(), resumed);
  }

  boolean merged() {
    return "merged".equals(state);
  }

  Map<String, Object> json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("iid", iid);
    json.put("url", url);
    json.put("sourceBranch", sourceBranch);
    json.put("state", state);
    json.put("resumed", resumed);
    return json;
  }

  void print(PrintWriter out) {
    out.println(
        TerminalText.cell(
            "Merge request: !"
                + iid
                + " "
                + url
                + " ("
                + state
                + ") from branch "
                + sourceBranch
                + (resumed ? ", resumed from an earlier run" : "")));
  }

  /**
   * The run's result as the report names it: its outcome once merged (or pushed directly), else
   * {@code AwaitingMerge} while the request is open and {@code MergeRequestClosed} once it is
   * closed without merge.
   */
  static String result(String outcome, MergeRequestSummary mergeRequest) {
    if (mergeRequest == null || mergeRequest.merged()) {
      return outcome;
    }
    return "closed".equals(mergeRequest.state()) ? "MergeRequestClosed" : "AwaitingMerge";
  }

  /**
   * What the result line adds when the commit was found on the branch (a resumed request that is
   * not merged yet says so on its own line).
   */
  static String resumedNote(boolean resumed, MergeRequestSummary mergeRequest) {
    if (!resumed || (mergeRequest != null && !mergeRequest.merged())) {
      return "";
    }
    return mergeRequest == null ? " (found already pushed)" : " (merged through the request)";
  }

  /**
   * The {@code Commit:} line, the request's line, and the GitLab section (which runs on a merged
   * request only).
   *
   * @param commit null when nothing was written
   * @param mergeRequest null when the commit was pushed directly
   */
  static void printCommitAndGitLab(
      String commit, PublishResult gitlab, MergeRequestSummary mergeRequest, PrintWriter out) {
    boolean awaitingMerge = mergeRequest != null && !mergeRequest.merged();
    if (commit != null) {
      out.println("Commit: " + commit + (awaitingMerge ? " (on the review branch only)" : ""));
    }
    if (mergeRequest != null) {
      mergeRequest.print(out);
    }
    if (awaitingMerge) {
      out.println("GitLab: release and deployments run on a merged request only (--wait)");
    } else {
      GitLabSection.print(gitlab, out);
    }
  }
}
