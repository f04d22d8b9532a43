package io.gitops.promotion.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the operator works with Git: where the cached bare repositories live (one per repository,
 * fetched rather than cloned again), how long a push rejected by a moved branch is re-planned, at
 * most how many times, how many changes of one repository are landed in one push, and the connect
 * and read limits of every Git connection.
 */
public record GitSettings(
    Path cacheDir,
    int maxPushAttempts,
    Duration pushRetryBudget,
    int maxBatch,
    ConnectionTimeouts timeouts) {
  public static final GitSettings DEFAULT =
      new GitSettings(
          Path.of("/tmp/promotion-operator/git"),
          100,
          Duration.ofSeconds(60),
          50,
          ConnectionTimeouts.DEFAULT);

  public GitSettings(Path cacheDir, int maxPushAttempts, Duration pushRetryBudget, int maxBatch) {
    this(cacheDir, maxPushAttempts, pushRetryBudget, maxBatch, DEFAULT.timeouts);
  }

  public GitSettings(Path cacheDir, int maxPushAttempts) {
    this(cacheDir, maxPushAttempts, DEFAULT.pushRetryBudget, DEFAULT.maxBatch);
  }
}
