package io.gitops.promotion.gitlab;

import java.util.List;
import java.util.Optional;

/**
 * The merge request calls a gated environment needs: find a request by its source branch, list the
 * open ones into a branch, open one, read its state with approvals and pipeline, change its title
 * and description, close it with a note, delete its branch, and resolve usernames. Failures are
 * thrown as for {@link GitLab}: {@link GitLabRejectedException} (do not retry) or {@link
 * GitLabUnavailableException} (retry later).
 */
public interface MergeRequests {
  /** The newest request from this source branch, whatever its state, or empty. */
  Optional<MergeRequestState> findBySourceBranch(String projectId, String sourceBranch);

  /** The open requests into a target branch, newest first. */
  List<OpenMergeRequest> openInto(String projectId, String targetBranch);

  /** Opens a request; the caller has looked for an existing one first. */
  MergeRequestState open(String projectId, MergeRequestDraft draft);

  /** The request with its approvals and head pipeline. */
  MergeRequestState get(String projectId, long iid);

  /**
   * Asks GitLab to merge the request when its pipeline succeeds (auto-merge), at this head commit;
   * a request that cannot be set to auto-merge now stays open for people to merge.
   */
  void mergeWhenPipelineSucceeds(String projectId, long iid, String sha);

  /**
   * Sets the request's title and description (a draft keeps GitLab's {@code Draft: } prefix);
   * nothing is sent when they already read so.
   */
  void update(String projectId, long iid, String title, String description);

  /** Adds a note, then closes the request; closing a request that is not open changes nothing. */
  void close(String projectId, long iid, String note);

  /** Deletes a branch; a branch that is already gone is not an error. */
  void deleteBranch(String projectId, String branch);

  /** The ids of the users with these usernames, in order; an unknown username is refused. */
  List<Long> userIds(List<String> usernames);
}
