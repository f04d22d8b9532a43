package io.gitops.promotion.git;

/**
 * The remote refused us for good: authentication failed or the repository does not exist. Terminal:
 * retrying with the same credentials gives the same answer.
 */
public final class GitAccessException extends RuntimeException {
  private final boolean notFound;

  GitAccessException(String message, boolean notFound, Throwable cause) {
    super(message, cause);
    this.notFound = notFound;
  }

  public boolean isNotFound() {
    return notFound;
  }
}
