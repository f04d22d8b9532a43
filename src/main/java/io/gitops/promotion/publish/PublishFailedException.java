package io.gitops.promotion.publish;

import io.gitops.promotion.gitlab.GitLabException;
import io.gitops.promotion.gitlab.GitLabRejectedException;
import io.gitops.promotion.gitlab.GitLabUnavailableException;
import java.util.stream.Collectors;

/**
 * A GitLab step failed after the push. Carries what the steps did before ({@link #partialResult()})
 * and GitLab's failure as its cause: a {@link GitLabRejectedException} is terminal (fail with
 * reason {@code GitLabRejected}), a {@link GitLabUnavailableException} is worth a retry, which
 * resumes (the steps look before they create). The push itself is done and stays done.
 */
public final class PublishFailedException extends RuntimeException {

  private final PublishStep failedStep;
  private final transient PublishResult partialResult;

  PublishFailedException(
      PublishStep failedStep, PublishResult partialResult, GitLabException cause) {
    super(message(failedStep, partialResult, cause), cause);
    this.failedStep = failedStep;
    this.partialResult = partialResult;
  }

  public PublishStep failedStep() {
    return failedStep;
  }

  /** What the steps did before the failure; {@link PublishResult#stepsNotDone()} names the rest. */
  public PublishResult partialResult() {
    return partialResult;
  }

  /** GitLab's failure: which call on which project, and how GitLab answered. */
  public GitLabException gitLabFailure() {
    return (GitLabException) getCause();
  }

  /** True for a rejected call (401, 403, 404, conflicts): repeating it cannot succeed. */
  public boolean terminal() {
    return getCause() instanceof GitLabRejectedException;
  }

  private static String message(PublishStep step, PublishResult partial, GitLabException cause) {
    String done =
        partial.stepsDone().isEmpty()
            ? "none"
            : partial.stepsDone().stream()
                .map(s -> s.label() + " (" + describe(s, partial) + ")")
                .collect(Collectors.joining(", "));
    String notDone =
        partial.stepsNotDone().stream()
            .map(s -> s.label() + (s == step ? " (" + describe(s, partial) + ")" : ""))
            .collect(Collectors.joining(", "));
    return "GitLab "
        + step.label()
        + " step failed: "
        + cause.getMessage()
        + "; GitLab steps done: "
        + done
        + "; not done: "
        + notDone;
  }

  private static String describe(PublishStep step, PublishResult partial) {
    return step == PublishStep.RELEASE
        ? partial.releaseStep().describe()
        : partial.deploymentsStep().describe();
  }
}
