package io.gitops.promotion.gitlab;

/**
 * A failed GitLab call, thrown by {@link GitLab}. Its message names the call and the project and
 * never contains a credential.
 */
public abstract sealed class GitLabException extends RuntimeException
    permits GitLabRejectedException, GitLabUnavailableException {

  private final GitLabOperation operation;
  private final String projectId;
  private final int httpStatus;

  GitLabException(
      String message,
      GitLabOperation operation,
      String projectId,
      int httpStatus,
      Throwable cause) {
    super(message, cause);
    this.operation = operation;
    this.projectId = projectId;
    this.httpStatus = httpStatus;
  }

  /** {@code create tag v1.5.0 on project 1234}: the call as messages name it. */
  static String describe(GitLabOperation operation, String subject, String projectId) {
    String call =
        subject == null || subject.isEmpty()
            ? operation.description()
            : operation.description() + " " + subject;
    return call + " on project " + projectId;
  }

  public GitLabOperation operation() {
    return operation;
  }

  public String projectId() {
    return projectId;
  }

  /** The HTTP status of the last response, 0 when there was none (connection failure). */
  public int httpStatus() {
    return httpStatus;
  }
}
