package io.gitops.promotion.run;

import io.gitops.promotion.git.GitWorkspace;
import io.gitops.promotion.git.PushOutcome;
import java.util.List;

/**
 * Delivers a change planned again because its merge request could no longer merge (the branch it
 * targets moved): its one new commit, made on the branch's new head, replaces the review branch the
 * request comes from, so the request (same iid) now shows it. Only while the review branch is still
 * at the commit the operator pushed before: a commit anyone else pushed there meanwhile is never
 * overwritten ({@link ReviewBranchMovedException}). The request's title and description are set to
 * the new plan's first: a failure there pushes nothing and the re-plan is simply retried, while the
 * replaced branch is the step that cannot be taken twice.
 */
public final class ReviewBranchUpdate implements Delivery {
  /** Shows a plan's text on the merge request: (title, description). */
  public interface RequestText {
    void show(String title, String description);
  }

  private final String branch;
  private final String replaced;
  private final RequestText text;

  /**
   * @param branch the review branch the merge request comes from
   * @param replaced the commit the operator pushed to it, which the new one replaces
   * @param text sets the merge request's title and description
   */
  public ReviewBranchUpdate(String branch, String replaced, RequestText text) {
    this.branch = branch;
    this.replaced = replaced;
    this.text = text;
  }

  @Override
  public String kind() {
    return MergeRequestDelivery.KIND;
  }

  @Override
  public boolean batches() {
    return false;
  }

  @Override
  public boolean deliver(
      GitWorkspace workspace, List<Change<?>> changes, List<Committed> committed) {
    if (committed.size() != 1) {
      throw new IllegalArgumentException(
          "a merge request delivers exactly one commit, not " + committed.size());
    }
    Planned<?> planned = committed.get(0).planned();
    text.show(planned.title(), planned.description());
    if (workspace.pushTipReplacing(branch, replaced) == PushOutcome.BRANCH_MOVED) {
      throw new ReviewBranchMovedException(branch, replaced);
    }
    return true;
  }
}
