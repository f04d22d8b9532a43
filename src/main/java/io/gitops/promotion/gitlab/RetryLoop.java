package io.gitops.promotion.gitlab;

import io.gitops.promotion.config.ConnectionTimeouts;
import jakarta.ws.rs.ProcessingException;
import java.time.Duration;
import java.util.Objects;
import org.gitlab4j.api.GitLabApiException;

/**
 * Runs one GitLab call under the {@link RetryPolicy} and turns gitlab4j's exceptions into {@link
 * GitLabRejectedException} or {@link GitLabUnavailableException}, the only place that does.
 */
final class RetryLoop {

  /** One attempt of a call; {@code attempt} is 1-based so a retry can look before it writes. */
  @FunctionalInterface
  interface Attempt<T> {
    T run(int attempt) throws GitLabApiException;
  }

  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final RetryListener listener;
  private final String gitlab;
  private final ConnectionTimeouts timeouts;

  /**
   * @param gitlab GitLab's URL as messages show it
   * @param timeouts the limits calls run under, named when one was exceeded
   */
  RetryLoop(
      RetryPolicy policy,
      Sleeper sleeper,
      RetryListener listener,
      String gitlab,
      ConnectionTimeouts timeouts) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.gitlab = gitlab;
    this.timeouts = timeouts;
  }

  <T> T run(GitLabOperation operation, String subject, String projectId, Attempt<T> call) {
    for (int attempt = 1; ; attempt++) {
      GitLabFailure failure;
      try {
        return call.run(attempt);
      } catch (GitLabException alreadyMapped) {
        throw alreadyMapped;
      } catch (GitLabApiException e) {
        failure = GitLabFailure.of(e).namingTimeout(gitlab, timeouts);
      } catch (ProcessingException e) {
        failure = GitLabFailure.of(e).namingTimeout(gitlab, timeouts);
      } catch (RuntimeException e) {
        // gitlab4j's Pager wraps failures of later pages in a RuntimeException
        if (!(e.getCause() instanceof GitLabApiException cause)) {
          throw e;
        }
        failure = GitLabFailure.of(cause).namingTimeout(gitlab, timeouts);
      }
      if (!failure.retryable()) {
        throw rejected(operation, subject, projectId, failure);
      }
      if (attempt >= policy.maxAttempts()) {
        throw unavailable(operation, subject, projectId, attempt, failure, failure.detail());
      }
      Duration delay = delayAfter(attempt, failure);
      if (delay.compareTo(policy.maxDelay()) > 0) {
        throw unavailable(
            operation,
            subject,
            projectId,
            attempt,
            failure,
            failure.detail() + " (asked to retry after " + delay.toSeconds() + " s)");
      }
      listener.retrying(operation, projectId, attempt, failure.httpStatus(), delay);
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw unavailable(
            operation,
            subject,
            projectId,
            attempt,
            failure,
            failure.detail() + " (interrupted while waiting to retry)");
      }
    }
  }

  private static GitLabRejectedException rejected(
      GitLabOperation operation, String subject, String projectId, GitLabFailure failure) {
    return GitLabRejectedException.of(
        operation,
        subject,
        projectId,
        failure.httpStatus(),
        GitLabRejectedException.Refusal.of(failure.httpStatus()),
        failure.detail(),
        failure.cause());
  }

  private Duration delayAfter(int attempt, GitLabFailure failure) {
    if (failure.is(429) && failure.retryAfter() != null) {
      return failure.retryAfter();
    }
    return policy.delayAfter(attempt);
  }

  private static GitLabUnavailableException unavailable(
      GitLabOperation operation,
      String subject,
      String projectId,
      int attempts,
      GitLabFailure failure,
      String detail) {
    return GitLabUnavailableException.of(
        operation,
        subject,
        projectId,
        failure.httpStatus(),
        attempts,
        failure.retryAfter(),
        detail,
        failure.cause());
  }
}
