package io.gitops.promotion.cli;

import io.gitops.promotion.gitlab.MergeRequestState;
import io.gitops.promotion.gitlab.MergeRequests;
import io.gitops.promotion.run.ReviewBranchMovedException;
import io.gitops.promotion.run.ReviewBranchUpdate;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@code --wait} when the branch moved and the request cannot merge (a conflict, or a rebase is
 * needed), as the operator does: while the review branch is at the commit this command pushed, the
 * change is planned again on the branch's new head and its one new commit replaces the review
 * branch (same request); a commit anyone else pushed there is never overwritten (said once on
 * stderr; the wait goes on). A re-plan with nothing left to change closes the request and deletes
 * its branch: the command then reports that result.
 *
 * @param <R> the command's result
 */
final class WaitReplans<R> implements UnaryOperator<MergeRequestState> {
  private final MergeRequestRun.Steps<R> steps;
  private final MergeRequests api;
  private final String project;
  private final String branch;
  private final PrintWriter err;
  private R latest;
  private String ours;
  private R nothingLeft;
  private String heldAt;

  WaitReplans(
      MergeRequestRun.Steps<R> steps,
      MergeRequests api,
      String project,
      String branch,
      R delivered,
      PrintWriter err) {
    this.steps = steps;
    this.api = api;
    this.project = project;
    this.branch = branch;
    this.err = err;
    this.latest = delivered;
    this.ours = steps.commit(delivered);
  }

  /** Looks at a request that cannot merge; returns it as it is afterwards. */
  @Override
  public MergeRequestState apply(MergeRequestState stuck) {
    if (!stuck.cannotMerge()) {
      return stuck;
    }
    if (!ours.equals(stuck.sha())) {
      hold(
          stuck.sha(),
          "merge request !"
              + stuck.iid()
              + " cannot merge ("
              + stuck.detailedMergeStatus()
              + "), but branch "
              + branch
              + " holds commit "
              + stuck.sha()
              + ", not the one this command pushed: it is not overwritten; resolve the request"
              + " in GitLab");
      return stuck;
    }
    R replanned;
    try {
      replanned =
          steps.deliver(
              new ReviewBranchUpdate(
                  branch,
                  ours,
                  (title, description) -> api.update(project, stuck.iid(), title, description)));
    } catch (ReviewBranchMovedException e) {
      hold(null, e.getMessage());
      return stuck;
    }
    String commit = steps.commit(replanned);
    if (commit == null) {
      nothingLeft = replanned;
      api.close(
          project,
          stuck.iid(),
          "The branch moved and promotion-operator planned this change again: the branch"
              + " already holds every planned tag, nothing is left to change. It closed this"
              + " request and deletes its branch.");
      api.deleteBranch(project, branch);
      say("merge request !" + stuck.iid() + " closed: nothing is left to change on the new head");
      return api.get(project, stuck.iid());
    }
    say(
        "merge request !"
            + stuck.iid()
            + " could not merge ("
            + stuck.detailedMergeStatus()
            + "): planned again on the branch's new head; commit "
            + commit
            + " replaced branch "
            + branch);
    latest = replanned;
    ours = commit;
    return api.get(project, stuck.iid());
  }

  /** The result of the last delivery: the first, or the last re-plan's. */
  R latest() {
    return latest;
  }

  /** The re-plan's result when it found nothing left to change (the request was closed). */
  Optional<R> nothingLeft() {
    return Optional.ofNullable(nothingLeft);
  }

  private void hold(String head, String message) {
    if (head == null || !head.equals(heldAt)) {
      say(message);
    }
    heldAt = head;
  }

  private void say(String line) {
    err.println(TerminalText.cell(line));
    err.flush();
  }
}
