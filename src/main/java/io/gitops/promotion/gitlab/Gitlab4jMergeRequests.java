package io.gitops.promotion.gitlab;

import static io.gitops.promotion.gitlab.GitLabOperation.AUTO_MERGE;
import static io.gitops.promotion.gitlab.GitLabOperation.CLOSE_MERGE_REQUEST;
import static io.gitops.promotion.gitlab.GitLabOperation.COMMENT_MERGE_REQUEST;
import static io.gitops.promotion.gitlab.GitLabOperation.CREATE_MERGE_REQUEST;
import static io.gitops.promotion.gitlab.GitLabOperation.DELETE_BRANCH;
import static io.gitops.promotion.gitlab.GitLabOperation.FIND_USER;
import static io.gitops.promotion.gitlab.GitLabOperation.GET_APPROVALS;
import static io.gitops.promotion.gitlab.GitLabOperation.GET_MERGE_REQUEST;
import static io.gitops.promotion.gitlab.GitLabOperation.LIST_MERGE_REQUESTS;
import static io.gitops.promotion.gitlab.GitLabOperation.UPDATE_MERGE_REQUEST;

import io.gitops.promotion.config.ConnectionTimeouts;
import io.gitops.promotion.git.UrlRedaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gitlab4j.api.GitLabApi;
import org.gitlab4j.api.GitLabApiException;
import org.gitlab4j.api.models.AcceptMergeRequestParams;
import org.gitlab4j.api.models.MergeRequest;
import org.gitlab4j.api.models.MergeRequestFilter;
import org.gitlab4j.api.models.MergeRequestParams;
import org.gitlab4j.api.models.Pipeline;
import org.gitlab4j.api.models.User;
import org.gitlab4j.models.Constants;
import org.gitlab4j.models.Constants.StateEvent;

/**
 * {@link MergeRequests} over GitLab's REST API v4 with gitlab4j-api, authenticated by a private
 * token.
 */
public final class Gitlab4jMergeRequests implements MergeRequests, AutoCloseable {
  private final GitLabApi api;
  private final RetryLoop retry;

  public Gitlab4jMergeRequests(String url, String token, ConnectionTimeouts timeouts) {
    this(url, token, timeouts, RetryPolicy.defaults(), Sleeper.blocking(), RetryListener.none());
  }

  public Gitlab4jMergeRequests(
      String url, String token, RetryPolicy policy, Sleeper sleeper, RetryListener listener) {
    this(url, token, ConnectionTimeouts.DEFAULT, policy, sleeper, listener);
  }

  public Gitlab4jMergeRequests(
      String url,
      String token,
      ConnectionTimeouts timeouts,
      RetryPolicy policy,
      Sleeper sleeper,
      RetryListener listener) {
    if (url == null || url.isBlank() || token == null || token.isBlank()) {
      throw new IllegalArgumentException("GitLab URL and token are required");
    }
    this.api = Gitlab4jGitLab.client(url, token, timeouts);
    this.retry = new RetryLoop(policy, sleeper, listener, UrlRedaction.redact(url), timeouts);
  }

  @Override
  public Optional<MergeRequestState> findBySourceBranch(String projectId, String sourceBranch) {
    return retry.run(
        LIST_MERGE_REQUESTS,
        sourceBranch,
        projectId,
        attempt ->
            api
                .getMergeRequestApi()
                .getMergeRequests(
                    projectId, new MergeRequestFilter().withSourceBranch(sourceBranch))
                .stream()
                .filter(mr -> sourceBranch.equals(mr.getSourceBranch()))
                .max(Comparator.comparing(MergeRequest::getIid))
                .map(mr -> withApprovals(projectId, mr)));
  }

  @Override
  public List<OpenMergeRequest> openInto(String projectId, String targetBranch) {
    return retry.run(
        LIST_MERGE_REQUESTS,
        targetBranch,
        projectId,
        attempt ->
            api
                .getMergeRequestApi()
                .getMergeRequests(
                    projectId,
                    new MergeRequestFilter()
                        .withState(Constants.MergeRequestState.OPENED)
                        .withTargetBranch(targetBranch))
                .stream()
                .filter(mr -> "opened".equals(mr.getState()))
                .filter(mr -> targetBranch.equals(mr.getTargetBranch()))
                .sorted(Comparator.comparing(MergeRequest::getIid).reversed())
                .map(mr -> new OpenMergeRequest(mr.getSourceBranch(), toState(mr)))
                .toList());
  }

  @Override
  public MergeRequestState open(String projectId, MergeRequestDraft draft) {
    MergeRequestParams params =
        new MergeRequestParams()
            .withSourceBranch(draft.sourceBranch())
            .withTargetBranch(draft.targetBranch())
            .withTitle(draft.sentTitle())
            .withDescription(draft.description())
            .withSquash(draft.squash())
            .withRemoveSourceBranch(draft.removeSourceBranch());
    if (!draft.labels().isEmpty()) {
      params.withLabels(draft.labels());
    }
    if (!draft.reviewerIds().isEmpty()) {
      params.withReviewerIds(draft.reviewerIds());
    }
    if (!draft.assigneeIds().isEmpty()) {
      params.withAssigneeIds(draft.assigneeIds());
    }
    MergeRequest created =
        retry.run(
            CREATE_MERGE_REQUEST,
            draft.sourceBranch(),
            projectId,
            attempt -> {
              if (attempt > 1) {
                // a lost response may have opened it: look before opening a second one
                Optional<MergeRequest> earlier =
                    api
                        .getMergeRequestApi()
                        .getMergeRequests(
                            projectId,
                            new MergeRequestFilter().withSourceBranch(draft.sourceBranch()))
                        .stream()
                        .filter(mr -> draft.sourceBranch().equals(mr.getSourceBranch()))
                        .findFirst();
                if (earlier.isPresent()) {
                  return earlier.get();
                }
              }
              return api.getMergeRequestApi().createMergeRequest(projectId, params);
            });
    return withApprovals(projectId, created);
  }

  @Override
  public MergeRequestState get(String projectId, long iid) {
    MergeRequest mr =
        retry.run(
            GET_MERGE_REQUEST,
            "!" + iid,
            projectId,
            attempt -> api.getMergeRequestApi().getMergeRequest(projectId, iid));
    return withApprovals(projectId, mr);
  }

  @Override
  public void mergeWhenPipelineSucceeds(String projectId, long iid, String sha) {
    try {
      retry.run(
          AUTO_MERGE,
          "!" + iid,
          projectId,
          attempt ->
              api.getMergeRequestApi()
                  .acceptMergeRequest(
                      projectId,
                      iid,
                      new AcceptMergeRequestParams()
                          .withMergeWhenPipelineSucceeds(true)
                          .withSha(sha)));
    } catch (GitLabRejectedException e) {
      // 405/406/422: not mergeable yet (approvals, draft); people merge it, the operator follows
      if (e.refusal() == GitLabRejectedException.Refusal.UNAUTHORIZED
          || e.refusal() == GitLabRejectedException.Refusal.FORBIDDEN) {
        throw e;
      }
    }
  }

  @Override
  public void update(String projectId, long iid, String title, String description) {
    retry.run(
        UPDATE_MERGE_REQUEST,
        "!" + iid,
        projectId,
        attempt -> {
          MergeRequest current = api.getMergeRequestApi().getMergeRequest(projectId, iid);
          String sentTitle =
              Boolean.TRUE.equals(current.getDraft()) ? MergeRequestDraft.DRAFT + title : title;
          if (sentTitle.equals(current.getTitle())
              && description.equals(current.getDescription())) {
            return current;
          }
          return api.getMergeRequestApi()
              .updateMergeRequest(
                  projectId,
                  iid,
                  new MergeRequestParams().withTitle(sentTitle).withDescription(description));
        });
  }

  @Override
  public void close(String projectId, long iid, String note) {
    if (note != null && !note.isBlank()) {
      retry.run(
          COMMENT_MERGE_REQUEST,
          "!" + iid,
          projectId,
          attempt -> api.getNotesApi().createMergeRequestNote(projectId, iid, note, null, null));
    }
    retry.run(
        CLOSE_MERGE_REQUEST,
        "!" + iid,
        projectId,
        attempt -> {
          MergeRequest current = api.getMergeRequestApi().getMergeRequest(projectId, iid);
          if (!"opened".equals(current.getState())) {
            return current;
          }
          return api.getMergeRequestApi()
              .updateMergeRequest(
                  projectId, iid, new MergeRequestParams().withStateEvent(StateEvent.CLOSE));
        });
  }

  @Override
  public void deleteBranch(String projectId, String branch) {
    retry.run(
        DELETE_BRANCH,
        branch,
        projectId,
        attempt -> {
          try {
            api.getRepositoryApi().deleteBranch(projectId, branch);
          } catch (GitLabApiException e) {
            if (e.getHttpStatus() != 404 || GitLabFailure.of(e).says("Project Not Found")) {
              throw e;
            }
          }
          return null;
        });
  }

  @Override
  public List<Long> userIds(List<String> usernames) {
    List<Long> ids = new ArrayList<>();
    for (String username : usernames) {
      User user =
          retry.run(FIND_USER, username, "-", attempt -> api.getUserApi().getUser(username));
      if (user == null) {
        throw GitLabRejectedException.of(
            FIND_USER,
            username,
            "-",
            404,
            GitLabRejectedException.Refusal.NOT_FOUND,
            "no GitLab user '" + username + "'",
            null);
      }
      ids.add(user.getId());
    }
    return ids;
  }

  @Override
  public void close() {
    api.close();
  }

  private MergeRequestState withApprovals(String projectId, MergeRequest mr) {
    MergeRequest approvals =
        retry.run(
            GET_APPROVALS,
            "!" + mr.getIid(),
            projectId,
            attempt -> api.getMergeRequestApi().getApprovals(projectId, mr.getIid()));
    int given = approvals.getApprovedBy() == null ? 0 : approvals.getApprovedBy().size();
    return toState(mr).withApprovals(given, approvals.getApprovalsRequired());
  }

  private static MergeRequestState toState(MergeRequest mr) {
    Pipeline pipeline = mr.getHeadPipeline() != null ? mr.getHeadPipeline() : mr.getPipeline();
    String pipelineStatus =
        pipeline == null || pipeline.getStatus() == null
            ? null
            : pipeline.getStatus().toString().toLowerCase(Locale.ROOT);
    return new MergeRequestState(
        mr.getIid(),
        mr.getWebUrl(),
        mr.getState(),
        mr.getDetailedMergeStatus() != null ? mr.getDetailedMergeStatus() : mr.getMergeStatus(),
        mr.getSha(),
        mr.getMergeCommitSha(),
        mr.getSquashCommitSha(),
        0,
        null,
        pipelineStatus,
        Boolean.TRUE.equals(mr.getHasConflicts()));
  }
}
