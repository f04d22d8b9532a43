package io.gitops.promotion.reconciler;

import io.gitops.promotion.engine.RejectionReason;
import io.gitops.promotion.engine.RequestRejectedException;
import io.gitops.promotion.git.GitAccessException;
import io.gitops.promotion.git.UrlRedaction;
import io.gitops.promotion.gitlab.GitLabRejectedException;
import java.util.Optional;

/**
 * Sorts a run's failures: terminal ones end the resource in Failed with a reason constant; any
 * other is retried with backoff and described, without secrets, on the status meanwhile. Every
 * message passes through {@link UrlRedaction}, whatever exception it came from.
 */
final class RunFailures {
  record Terminal(String reason, String message) {}

  Optional<Terminal> terminal(Throwable e) {
    if (e instanceof RequestRejectedException rejected) {
      return Optional.of(
          new Terminal(rejected.reason().code(), UrlRedaction.redact(rejected.getMessage())));
    }
    if (e instanceof GitAccessException access) {
      RejectionReason reason =
          access.isNotFound()
              ? RejectionReason.GIT_REPOSITORY_NOT_FOUND
              : RejectionReason.GIT_AUTHENTICATION_FAILED;
      return Optional.of(new Terminal(reason.code(), UrlRedaction.redact(access.getMessage())));
    }
    if (e instanceof GitLabRejectedException gitlab) {
      return Optional.of(
          new Terminal(
              RejectionReason.GITLAB_REJECTED.code(), UrlRedaction.redact(gitlab.getMessage())));
    }
    return Optional.empty();
  }

  /** One line for the status: our own exceptions carry safe messages, others only their type. */
  String describe(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null
        && !cause.getClass().getName().startsWith("io.gitops.promotion")) {
      cause = cause.getCause();
    }
    if (cause.getClass().getName().startsWith("io.gitops.promotion")) {
      return "retrying after: " + UrlRedaction.redact(cause.getMessage());
    }
    return "retrying after " + cause.getClass().getSimpleName();
  }
}
