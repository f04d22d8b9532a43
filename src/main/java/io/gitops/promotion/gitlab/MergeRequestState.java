package io.gitops.promotion.gitlab;

/**
 * A merge request as GitLab reports it.
 *
 * @param state {@code opened}, {@code closed}, {@code locked} or {@code merged}
 * @param detailedMergeStatus GitLab's {@code detailed_merge_status}, e.g. {@code mergeable}, {@code
 *     not_approved}, {@code ci_still_running}, {@code conflict}, {@code need_rebase}
 * @param sha the head commit of the source branch
 * @param mergeCommitSha the merge commit, when merged with one
 * @param squashCommitSha the squash commit, when squashed
 * @param approvalsRequired null when the project has no approval rules (GitLab Free)
 * @param pipelineStatus the head pipeline's status, null when there is none
 * @param hasConflicts GitLab's {@code has_conflicts}: the source branch conflicts with the target,
 *     whatever check {@code detailed_merge_status} reports first (a draft, say)
 */
public record MergeRequestState(
    long iid,
    String webUrl,
    String state,
    String detailedMergeStatus,
    String sha,
    String mergeCommitSha,
    String squashCommitSha,
    int approvalsGiven,
    Integer approvalsRequired,
    String pipelineStatus,
    boolean hasConflicts) {
  public boolean isOpen() {
    return "opened".equals(state) || "locked".equals(state);
  }

  public boolean isMerged() {
    return "merged".equals(state);
  }

  public boolean isClosed() {
    return "closed".equals(state);
  }

  /**
   * Whether GitLab says the open request cannot merge as its branch is: a conflict, or a rebase is
   * needed (the target branch moved on). A missing source branch ({@code broken_status}) is not
   * this: nothing is there to build on.
   */
  public boolean cannotMerge() {
    return isOpen()
        && (hasConflicts
            || "conflict".equals(detailedMergeStatus)
            || "need_rebase".equals(detailedMergeStatus));
  }

  /**
   * The commit the request landed as on the target branch: the merge commit, else the squash
   * commit, else (a fast-forward merge) the source branch's head.
   */
  public String landedCommit() {
    if (mergeCommitSha != null && !mergeCommitSha.isBlank()) {
      return mergeCommitSha;
    }
    if (squashCommitSha != null && !squashCommitSha.isBlank()) {
      return squashCommitSha;
    }
    return sha;
  }

  public MergeRequestState withApprovals(int given, Integer required) {
    return new MergeRequestState(
        iid,
        webUrl,
        state,
        detailedMergeStatus,
        sha,
        mergeCommitSha,
        squashCommitSha,
        given,
        required,
        pipelineStatus,
        hasConflicts);
  }
}
