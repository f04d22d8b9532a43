package io.gitops.promotion.metrics;

import io.gitops.promotion.engine.PromotionChange;
import io.gitops.promotion.engine.PromotionListener;
import io.gitops.promotion.engine.PromotionRequest;
import io.gitops.promotion.gitlab.GitLabOperation;
import io.gitops.promotion.gitlab.RetryListener;
import io.gitops.promotion.gitlabhook.HookKind;
import io.gitops.promotion.gitlabhook.HookListener;
import io.gitops.promotion.gitlabhook.HookOutcome;
import io.gitops.promotion.lease.LeaseListener;
import io.gitops.promotion.rollback.RollbackChange;
import io.gitops.promotion.rollback.RollbackListener;
import io.gitops.promotion.rollback.RollbackRequest;
import io.gitops.promotion.run.Change;
import io.gitops.promotion.run.RunCounts;
import io.gitops.promotion.run.RunListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The operator's own meters: promotions by result and environment pair, their duration, and pushes
 * the remote rejected because the branch moved (each one re-planned).
 */
public final class PromotionMetrics
    implements PromotionListener,
        RollbackListener,
        RetryListener,
        RunListener,
        LeaseListener,
        HookListener {
  /**
   * Ten explicit buckets from 0.1 s to 10 min instead of a hundred percentile buckets per series.
   */
  static final Duration[] DURATION_BUCKETS = {
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(15),
    Duration.ofSeconds(60),
    Duration.ofMinutes(3),
    Duration.ofMinutes(10)
  };

  private final MeterRegistry registry;

  public PromotionMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** A promotion or rollback reached a result (Promoted, Previewed, Failed, Restored, ...). */
  public void finished(String kind, String result, String source, String target, Duration took) {
    Counter.builder("promotion_runs")
        .description("Promotion and rollback runs by result and environment pair")
        .tag("kind", kind)
        .tag("result", result)
        .tag("source", source)
        .tag("target", target)
        .register(registry)
        .increment();
    Timer.builder("promotion_run_duration")
        .description("Time from start to result of a promotion or rollback run")
        .tag("kind", kind)
        .tag("result", result)
        .serviceLevelObjectives(DURATION_BUCKETS)
        .register(registry)
        .record(took);
  }

  /** What landing a promotion or rollback cost in Git traffic, counted once per batch. */
  public void gitTraffic(RunCounts counts) {
    // Every change of a batch reports the batch's traffic: each adds its share.
    double share = 1.0 / Math.max(1, counts.batchSize());
    Counter.builder("promotion_git_round_trips")
        .description("Git fetches and pushes to the remote")
        .register(registry)
        .increment(counts.roundTrips() * share);
    Counter.builder("promotion_git_bytes")
        .description("Bytes fetched from and pushed to the remote")
        .baseUnit("bytes")
        .tag("direction", "fetched")
        .register(registry)
        .increment(counts.bytesFetched() * share);
    Counter.builder("promotion_git_bytes")
        .description("Bytes fetched from and pushed to the remote")
        .baseUnit("bytes")
        .tag("direction", "pushed")
        .register(registry)
        .increment(counts.bytesPushed() * share);
  }

  /** A batch of commits is about to be pushed in one push. */
  @Override
  public void beforePush(List<Change<?>> changes, int attempt) {
    DistributionSummary.builder("promotion_push_batch_size")
        .description("Commits landed by one push")
        .serviceLevelObjectives(1, 2, 5, 10, 25, 50, 100)
        .register(registry)
        .record(changes.size());
  }

  /** A push of a batch was rejected because the branch moved; the whole batch is re-planned. */
  @Override
  public void pushRejected(List<Change<?>> changes, int attempt) {
    for (Change<?> change : changes) {
      if (change instanceof PromotionChange promotion) {
        pushRejected(promotion.request(), attempt);
      } else if (change instanceof RollbackChange rollback) {
        pushRejected(rollback.request(), attempt);
      }
    }
  }

  /**
   * A verification in Argo CD ended (VERIFIED, SKIPPED, FAILED), this long after the promotion
   * started.
   */
  public void verified(String outcome, Duration sincePromotionStarted) {
    Counter.builder("promotion_verifications")
        .description("Verifications in Argo CD by outcome")
        .tag("outcome", outcome.toLowerCase(java.util.Locale.ROOT))
        .register(registry)
        .increment();
    Timer.builder("promotion_time_to_healthy")
        .description("From the start of a promotion to its Applications Healthy")
        .tag("outcome", outcome.toLowerCase(java.util.Locale.ROOT))
        .serviceLevelObjectives(DURATION_BUCKETS)
        .register(registry)
        .record(sincePromotionStarted);
  }

  /** Changes left without a release because the release tag already existed. */
  public void unreleasedChanges(String group, int changes) {
    Counter.builder("promotion_unreleased_changes")
        .description(
            "Tag changes pushed without a new GitLab release because its tag already existed")
        .tag("group", group)
        .register(registry)
        .increment(changes);
  }

  /** A GitLab call is retried after a 429, 5xx or network error. */
  @Override
  public void retrying(
      GitLabOperation operation,
      String projectId,
      int failedAttempt,
      int httpStatus,
      Duration delay) {
    Counter.builder("promotion_gitlab_retries")
        .description("GitLab calls retried after a 429, 5xx or network error")
        .tag("call", operation.name().toLowerCase(java.util.Locale.ROOT))
        .register(registry)
        .increment();
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
        .description(
            "Pushes rejected because the branch moved; each was re-planned on the new head")
        .tag("kind", kind)
        .tag("target", target)
        .register(registry)
        .increment();
  }

  /** A GitLab webhook delivery was answered: its event and what became of it. */
  @Override
  public void handled(HookKind kind, HookOutcome outcome) {
    Counter.builder("promotion_webhook_events")
        .description("GitLab webhook deliveries by event and outcome")
        .tag("event", kind.label())
        .tag("outcome", outcome.label())
        .register(registry)
        .increment();
  }

  /** The repository Leases this replica holds, read when scraped. */
  public void leasesHeld(Supplier<Number> held) {
    Gauge.builder("promotion_repository_leases_held", held)
        .description("Repository Leases this replica holds")
        .register(registry);
  }

  @Override
  public void acquired(String repository) {
    Counter.builder("promotion_repository_lease_acquisitions")
        .description("Repository Leases this replica took")
        .register(registry)
        .increment();
  }

  @Override
  public void lost(String repository) {
    Counter.builder("promotion_repository_lease_losses")
        .description("Repository Leases this replica lost: not renewed in time, or taken over")
        .register(registry)
        .increment();
  }

  @Override
  public void released(String repository) {
    Counter.builder("promotion_repository_lease_releases")
        .description("Repository Leases this replica gave back for another replica's share")
        .register(registry)
        .increment();
  }
}
