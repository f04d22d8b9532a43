package io.gitops.promotion.steps;

/**
 * An after-step failed. Terminal (a refusal that a retry would meet again: the run fails with
 * {@link #reason()}, the commit stays) or not (retried with backoff; the retry resumes). Carries
 * the step's partial outcome so that what it did is still reported.
 */
public final class AfterStepException extends RuntimeException {
  private final StepOutcome partial;
  private final boolean terminal;
  private final String reason;

  public AfterStepException(
      StepOutcome partial, boolean terminal, String reason, String message, Throwable cause) {
    super(message, cause);
    this.partial = partial;
    this.terminal = terminal;
    this.reason = reason;
  }

  public StepOutcome partial() {
    return partial;
  }

  public boolean terminal() {
    return terminal;
  }

  /** The reason constant a terminal failure is recorded with, e.g. {@code GitLabRejected}. */
  public String reason() {
    return reason;
  }
}
