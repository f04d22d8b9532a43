package io.gitops.promotion.metrics;

import io.gitops.promotion.gitlab.GitLabOperation;
import io.gitops.promotion.gitlab.RetryListener;
import io.gitops.promotion.promotion.PromotionListener;
import io.gitops.promotion.promotion.PromotionRequest;
import io.gitops.promotion.rollback.RollbackListener;
import io.gitops.promotion.rollback.RollbackRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The operator's own meters: promotions by result and environment pair, their duration, and pushes
 * the remote rejected because the branch moved (each one re-planned).
 */
public final class PromotionMetrics implements PromotionListener, RollbackListener, RetryListener {
  private final MeterRegistry registry;

  public PromotionMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** A promotion or rollback reached a result (Promoted, Previewed, Failed, Restored, ...). */
  public void finished(String kind, String result, String source, String target, Duration took) {
    Counter.builder("promotion_runs")
        .description("Promotion and rollback runs by result and environment pair")
        .tag("kind", kind).tag("result", result).tag("source", source).tag("target", target)
        .register(registry).increment();
    Timer.builder("promotion_run_duration")
        .description("Time from start to result of a promotion or rollback run")
        .tag("kind", kind).tag("result", result)
        .publishPercentileHistogram()
        .register(registry).record(took);
  }

  /** Changes left without a release because the release tag already existed. */
  public void unreleasedChanges(String group, int changes) {
    Counter.builder("promotion_unreleased_changes")
        .description("Tag changes pushed without a new GitLab release because its tag already existed")
        .tag("group", group)
        .register(registry).increment(changes);
  }

  /** A GitLab call is retried after a 429, 5xx or network error. */
  @Override
  public void retrying(GitLabOperation operation, String projectId, int failedAttempt, int httpStatus, Duration delay) {
    Counter.builder("promotion_gitlab_retries").description("GitLab calls retried after a 429, 5xx or network error")
        .tag("call", operation.name().toLowerCase(java.util.Locale.ROOT)).register(registry).increment();
  }

  @Override
  public void pushRejected(PromotionRequest request, int attempt) {
    pushRetry("promotion", request.target().name());
  }

  @Override
  public void pushRejected(RollbackRequest request, int attempt) {
    pushRetry("rollback", request.target().name());
  }

  private void pushRetry(String kind, String target) {
    Counter.builder("promotion_push_retries")
        .description("Pushes rejected because the branch moved; each was re-planned on the new head")
        .tag("kind", kind).tag("target", target)
        .register(registry).increment();
  }
}
