package io.gitops.promotion.gitlab;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently the adapter repeats a GitLab call that failed for a transient reason:
 * exponential backoff from {@code baseDelay}, doubling per failed attempt, capped at {@code
 * maxDelay}. A {@code Retry-After} longer than {@code maxDelay} ends the retries at once.
 *
 * @param maxAttempts attempts in total, at least 1
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

  public RetryPolicy {
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException(
          "need 0 <= baseDelay <= maxDelay, was " + baseDelay + " and " + maxDelay);
    }
  }

  /** Four attempts, waiting 0.5 s, 1 s and 2 s in between; waits of at most 30 s. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(30));
  }

  /** The wait after the given failed attempt (1-based). */
  public Duration delayAfter(int failedAttempt) {
    Duration delay = baseDelay;
    for (int i = 1; i < failedAttempt && delay.compareTo(maxDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }
}
