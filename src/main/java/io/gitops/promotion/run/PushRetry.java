package io.gitops.promotion.run;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long a run keeps re-planning when its push is rejected because the branch moved: jittered
 * exponential backoff ("full jitter": a random wait up to the doubled step) within a time budget
 * and an attempt limit.
 *
 * @param budget how long after the first attempt another one may still start
 * @param maxAttempts attempts at most, whatever the budget
 */
public record PushRetry(Duration budget, int maxAttempts, Duration firstStep, Duration maxStep) {
  public static final PushRetry DEFAULT =
      new PushRetry(Duration.ofSeconds(60), 1000, Duration.ofMillis(50), Duration.ofSeconds(2));

  public static PushRetry within(Duration budget) {
    return new PushRetry(budget, DEFAULT.maxAttempts, DEFAULT.firstStep, DEFAULT.maxStep);
  }

  /** The wait before attempt {@code failed + 1}. */
  Duration delayAfter(int failed) {
    long cap = Math.min(maxStep.toMillis(), firstStep.toMillis() << Math.min(failed, 20));
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
  }
}
