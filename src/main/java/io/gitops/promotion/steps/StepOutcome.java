package io.gitops.promotion.steps;

/**
 * How an after-step ended, or where it stood when it failed.
 *
 * @param result what it did: {@code Succeeded}, {@code Skipped} (nothing to do, or not configured)
 *     or {@code Failed}
 * @param message one line for people
 * @param details the step's own record for the status writer that knows it (null when none)
 */
public record StepOutcome(String step, Result result, String message, Object details) {
  /** The result of a step, as written on {@code status.steps[].result}. */
  public enum Result {
    SUCCEEDED("Succeeded"),
    SKIPPED("Skipped"),
    FAILED("Failed");

    private final String label;

    Result(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
