package io.gitops.promotion.git;

/**
 * A Git operation failed in a way a later attempt may not: network, server error, lock. Retry it.
 */
public final class GitTransientException extends RuntimeException {
  GitTransientException(String message, Throwable cause) {
    super(message, cause);
  }
}
