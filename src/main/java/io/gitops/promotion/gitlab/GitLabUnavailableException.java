package io.gitops.promotion.gitlab;

import java.time.Duration;
import java.util.Optional;

/**
 * GitLab could not be reached, was rate limiting or kept failing (429, 5xx, I/O) after the
 * adapter's own retries. Retryable: the caller should try again later.
 */
public final class GitLabUnavailableException extends GitLabException {

  private final int attempts;
  private final Duration retryAfter;

  GitLabUnavailableException(
      String message,
      GitLabOperation operation,
      String projectId,
      int httpStatus,
      int attempts,
      Duration retryAfter,
      Throwable cause) {
    super(message, operation, projectId, httpStatus, cause);
    this.attempts = attempts;
    this.retryAfter = retryAfter;
  }

  static GitLabUnavailableException of(
      GitLabOperation operation,
      String subject,
      String projectId,
      int httpStatus,
      int attempts,
      Duration retryAfter,
      String detail,
      Throwable cause) {
    String message =
        "GitLab unavailable for "
            + describe(operation, subject, projectId)
            + " after "
            + attempts
            + (attempts == 1 ? " attempt: " : " attempts: ")
            + detail;
    return new GitLabUnavailableException(
        message, operation, projectId, httpStatus, attempts, retryAfter, cause);
  }

  /** How many times the adapter tried the call. */
  public int attempts() {
    return attempts;
  }

  /** The wait GitLab asked for with {@code Retry-After}, when it asked for one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
