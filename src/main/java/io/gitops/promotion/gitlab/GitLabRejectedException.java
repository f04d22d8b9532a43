package io.gitops.promotion.gitlab;

/**
 * GitLab refused the call (bad credentials, no permission, no such project, invalid request, a
 * conflicting object). Terminal: repeating the call cannot succeed.
 */
public final class GitLabRejectedException extends GitLabException {

  /** Why GitLab refused, as a constant for status reasons. */
  public enum Refusal {
    UNAUTHORIZED,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    INVALID;

    static Refusal of(int httpStatus) {
      return switch (httpStatus) {
        case 401 -> UNAUTHORIZED;
        case 403 -> FORBIDDEN;
        case 404 -> NOT_FOUND;
        case 409 -> CONFLICT;
        default -> INVALID;
      };
    }
  }

  private final Refusal refusal;

  GitLabRejectedException(
      String message,
      GitLabOperation operation,
      String projectId,
      int httpStatus,
      Refusal refusal,
      Throwable cause) {
    super(message, operation, projectId, httpStatus, cause);
    this.refusal = refusal;
  }

  static GitLabRejectedException of(
      GitLabOperation operation,
      String subject,
      String projectId,
      int httpStatus,
      Refusal refusal,
      String detail,
      Throwable cause) {
    String message = "GitLab refused " + describe(operation, subject, projectId) + ": " + detail;
    return new GitLabRejectedException(message, operation, projectId, httpStatus, refusal, cause);
  }

  public Refusal refusal() {
    return refusal;
  }
}
