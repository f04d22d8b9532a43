package io.gitops.promotion.gitlab;

import java.time.Duration;

/** Told about every retry of a GitLab call, so that metrics can count them. */
@FunctionalInterface
public interface RetryListener {

  /**
   * @param failedAttempt the attempt that failed (1-based); the next one follows after {@code
   *     delay}
   * @param httpStatus the failed attempt's HTTP status, 0 for a connection failure
   */
  void retrying(
      GitLabOperation operation,
      String projectId,
      int failedAttempt,
      int httpStatus,
      Duration delay);

  static RetryListener none() {
    return (operation, projectId, failedAttempt, httpStatus, delay) -> {};
  }
}
