package io.gitops.promotion.cli;

import io.gitops.promotion.gitlab.MergeRequestState;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The merge request a {@code promote --merge-request} opened, as the report prints it: {@code
 * mergeRequest: {iid, url, sourceBranch, state}} in JSON and a {@code Merge request:} line in text.
 */
record MergeRequestSummary(long iid, String url, String sourceBranch, String state) {
  static MergeRequestSummary of(MergeRequestState mr, String sourceBranch) {
    return new MergeRequestSummary(mr.iid(), mr.webUrl(), sourceBranch, mr.state());
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
    return json;
  }

  void print(PrintWriter out) {
    out.println(
        TerminalText.cell(
            "Merge request: !" + iid + " " + url + " (" + state + ") from branch " + sourceBranch));
  }
}
