package io.gitops.promotion.run;

import io.gitops.promotion.config.MergeRequestSettings;
import io.gitops.promotion.git.GitWorkspace;
import io.gitops.promotion.git.PushOutcome;
import io.gitops.promotion.gitlab.MergeRequestDraft;
import io.gitops.promotion.gitlab.MergeRequestState;
import io.gitops.promotion.gitlab.MergeRequests;
import java.util.List;
import java.util.Locale;

/**
 * Delivers one change of a gated environment through a GitLab merge request: its single commit is
 * pushed to a branch of its own ({@code promotion/<env>/<group>/<short id>}) and a request to the
 * repository's branch is opened with the plan's title and description. Exactly once across crashes:
 * a branch that exists already is never pushed again (its name holds the change's id, so it is this
 * change's, and a person's commit on it is never overwritten), and a request is opened only when
 * none comes from that branch.
 */
public final class MergeRequestDelivery implements Delivery {
  public static final String KIND = "mergeRequest";

  private final MergeRequests api;
  private final String projectId;
  private final String branch;
  private final String targetBranch;
  private final MergeRequestSettings settings;

  /**
   * @param branch the review branch, see {@link #branchName}
   * @param targetBranch the branch Argo CD syncs
   */
  public MergeRequestDelivery(
      MergeRequests api,
      String projectId,
      String branch,
      String targetBranch,
      MergeRequestSettings settings) {
    this.api = api;
    this.projectId = projectId;
    this.branch = branch;
    this.targetBranch = targetBranch;
    this.settings = settings;
  }

  /** {@code promotion/<env>/<group>/<first 8 characters of the id>}, lower case. */
  public static String branchName(String environment, String group, String id) {
    return branchName("promotion", environment, group, id);
  }

  /**
   * {@code <kind>/<env>/<group>/<first 8 characters of the id>}, lower case.
   *
   * @param kind {@code promotion}, or {@code rollback} for a rollback's branch
   */
  public static String branchName(String kind, String environment, String group, String id) {
    String shortId = id.replace("-", "");
    shortId = shortId.substring(0, Math.min(8, shortId.length()));
    return (kind + "/" + environment + "/" + group + "/" + shortId).toLowerCase(Locale.ROOT);
  }

  @Override
  public String kind() {
    return KIND;
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
    if (workspace.remoteBranchHead(branch).isEmpty()
        && workspace.pushTipToNewBranch(branch) == PushOutcome.BRANCH_MOVED) {
      return false;
    }
    if (api.findBySourceBranch(projectId, branch).filter(mr -> !mr.isClosed()).isEmpty()) {
      open(committed.get(0).planned());
    }
    return true;
  }

  private void open(Planned<?> planned) {
    MergeRequestState opened =
        api.open(
            projectId,
            new MergeRequestDraft(
                branch,
                targetBranch,
                planned.title(),
                planned.description(),
                settings.labels(),
                api.userIds(settings.reviewers()),
                api.userIds(settings.assignees()),
                settings.squash(),
                settings.removeSourceBranch(),
                settings.draft()));
    if (settings.autoMerge()) {
      api.mergeWhenPipelineSucceeds(projectId, opened.iid(), opened.sha());
    }
  }
}
