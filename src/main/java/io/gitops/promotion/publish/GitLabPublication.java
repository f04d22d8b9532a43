package io.gitops.promotion.publish;

import io.gitops.promotion.engine.PromotionPlan;
import io.gitops.promotion.engine.PromotionResult;
import io.gitops.promotion.engine.ReleaseChangelog;
import io.gitops.promotion.engine.TargetRepository;
import io.gitops.promotion.gitlab.GitLabTarget;
import io.gitops.promotion.gitlab.Gitlab4jGitLab;
import io.gitops.promotion.gitlab.RetryListener;
import io.gitops.promotion.gitlab.RetryPolicy;
import io.gitops.promotion.gitlab.Sleeper;
import io.gitops.promotion.rollback.RollbackRequest;
import io.gitops.promotion.rollback.RollbackResult;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The GitLab steps of a promotion or rollback run by the operator: skipped when the repository has
 * no GitLab project, else the {@link Publisher} on GitLab's API with the configured release
 * sources.
 */
public final class GitLabPublication implements ReleaseChangelog {
  private final Set<String> releaseFrom;
  private final RetryListener retries;

  public GitLabPublication(Set<String> releaseFrom, RetryListener retries) {
    this.releaseFrom = Set.copyOf(releaseFrom);
    this.retries = retries;
  }

  /**
   * @param startedAt when the promotion started; the same instant on every retry of it
   * @throws PublishFailedException when a GitLab call failed; it carries the steps done so far
   */
  public PublishResult publish(
      TargetRepository repository, PromotionResult result, Instant startedAt) {
    return publish(repository, settings -> PublishRequest.of(result, settings, startedAt));
  }

  /**
   * The deployments of a rollback (no release).
   *
   * @param startedAt when the rollback started; the same instant on every retry of it
   * @throws PublishFailedException when a GitLab call failed; it carries the steps done so far
   */
  public PublishResult publish(
      TargetRepository repository,
      RollbackRequest request,
      RollbackResult result,
      Instant startedAt) {
    return publish(
        repository, settings -> PublishRequest.ofRollback(request, result, settings, startedAt));
  }

  /** The changelog the release of a planned promotion will carry, see {@link UpcomingChangelog}. */
  @Override
  public Optional<String> of(TargetRepository repository, PromotionPlan plan) {
    if (repository.gitlabTarget().isEmpty()) {
      return Optional.empty();
    }
    try (Gitlab4jGitLab api = client(repository.gitlab())) {
      return UpcomingChangelog.of(api, settings(repository), plan);
    }
  }

  private PublishResult publish(
      TargetRepository repository, Function<PublishSettings, PublishRequest> request) {
    if (repository.gitlabTarget().isEmpty()) {
      return PublishResult.notConfigured();
    }
    try (Gitlab4jGitLab api = client(repository.gitlab())) {
      return new Publisher(api).publish(request.apply(settings(repository)));
    }
  }

  private PublishSettings settings(TargetRepository repository) {
    return new PublishSettings(
        repository.gitlab().project(), repository.remote().branch(), releaseFrom);
  }

  private Gitlab4jGitLab client(GitLabTarget target) {
    return new Gitlab4jGitLab(
        target.url(),
        target.token(),
        target.timeouts(),
        RetryPolicy.defaults(),
        Sleeper.blocking(),
        retries);
  }
}
