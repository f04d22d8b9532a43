package io.gitops.promotion.engine;

import io.gitops.promotion.gitlab.MergeRequestClients;
import io.gitops.promotion.gitlab.MergeRequests;
import io.gitops.promotion.run.Delivery;
import io.gitops.promotion.run.MergeRequestDelivery;
import io.gitops.promotion.run.ReviewBranchUpdate;
import io.gitops.promotion.run.ReviewableRequest;

/**
 * How executions into environments gated by merge request reach their repository, for promotions
 * and rollbacks alike: the merge requests of the repository's GitLab project, and the delivery that
 * pushes a request's commit to its review branch and opens the request.
 */
public final class MergeRequestDeliveries {
  private final MergeRequestClients clients;

  public MergeRequestDeliveries(MergeRequestClients clients) {
    this.clients = clients;
  }

  /**
   * The merge requests of a repository's GitLab project.
   *
   * @throws RequestRejectedException when the repository has no GitLab project
   */
  public MergeRequests api(TargetRepository repository) {
    return clients.of(
        repository
            .gitlabTarget()
            .orElseThrow(
                () ->
                    new RequestRejectedException(
                        RejectionReason.GITLAB_NOT_CONFIGURED,
                        "repository "
                            + repository.name()
                            + " has no GitLab project, which a merge request needs")));
  }

  /**
   * The delivery of a request planned again while its merge request {@code iid} is open: its new
   * commit replaces the review branch while that is still at {@code replaced}, and the request's
   * title and description become the new plan's.
   */
  public Delivery replacing(
      TargetRepository repository, ReviewableRequest request, long iid, String replaced) {
    MergeRequests api = api(repository);
    String project = repository.gitlab().project();
    return new ReviewBranchUpdate(
        request.reviewBranch(),
        replaced,
        (title, description) -> api.update(project, iid, title, description));
  }

  /** The delivery of a request through a merge request from its review branch. */
  public Delivery through(TargetRepository repository, ReviewableRequest request) {
    return new MergeRequestDelivery(
        api(repository),
        repository.gitlab().project(),
        request.reviewBranch(),
        repository.remote().branch(),
        repository.mergeRequestInto(request.target()));
  }
}
