package io.gitops.promotion.gitlab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link RetryListener} that keeps every retry it is told about. */
final class RecordingRetryListener implements RetryListener {

  record Retry(
      GitLabOperation operation,
      String projectId,
      int failedAttempt,
      int httpStatus,
      Duration delay) {}

  private final List<Retry> retries = new ArrayList<>();

  @Override
  public synchronized void retrying(
      GitLabOperation operation,
      String projectId,
      int failedAttempt,
      int httpStatus,
      Duration delay) {
    retries.add(new Retry(operation, projectId, failedAttempt, httpStatus, delay));
  }

  synchronized List<Retry> retries() {
    return List.copyOf(retries);
  }
}
