package io.gitops.promotion.gitlab;

import java.time.Duration;

/** The adapter's exceptions, for tests of code above the {@link GitLab} port in other packages. */
public final class GitLabFailures {

  private GitLabFailures() {}

  /** As the adapter throws it for a refused call, e.g. 403 on {@code create deployment}. */
  public static GitLabRejectedException rejected(
      GitLabOperation operation, String subject, String projectId, int httpStatus) {
    return GitLabRejectedException.of(
        operation,
        subject,
        projectId,
        httpStatus,
        GitLabRejectedException.Refusal.of(httpStatus),
        httpStatus + " refused",
        null);
  }

  /** As the adapter throws it when GitLab kept failing, e.g. 503 three times. */
  public static GitLabUnavailableException unavailable(
      GitLabOperation operation, String subject, String projectId, int httpStatus) {
    return GitLabUnavailableException.of(
        operation,
        subject,
        projectId,
        httpStatus,
        3,
        (Duration) null,
        httpStatus + " unavailable",
        null);
  }
}
