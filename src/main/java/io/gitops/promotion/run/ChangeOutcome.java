package io.gitops.promotion.run;

import io.gitops.promotion.engine.RequestRejectedException;

/**
 * How one change of a batch ended: its report, or the refusal that failed it alone.
 *
 * @param <R> what a run of the change reports
 */
public record ChangeOutcome<R>(R result, RequestRejectedException rejection) {
  static <R> ChangeOutcome<R> done(R result) {
    return new ChangeOutcome<>(result, null);
  }

  static <R> ChangeOutcome<R> rejected(RequestRejectedException e) {
    return new ChangeOutcome<>(null, e);
  }

  /** The report, or the refusal thrown. */
  public R orThrow() {
    if (rejection != null) {
      throw rejection;
    }
    return result;
  }
}
