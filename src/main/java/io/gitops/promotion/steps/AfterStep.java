package io.gitops.promotion.steps;

import io.gitops.promotion.engine.TargetRepository;

/**
 * One thing that runs after a run's commit is on the branch. Running it again for the same run
 * creates nothing twice.
 *
 * @param <R> the run's report it works from (a promotion's or a rollback's)
 */
public interface AfterStep<R> {
  /** The name its outcome is recorded under, e.g. {@code gitlab}. */
  String name();

  /**
   * Whether it has anything to do for runs on this repository (the GitLab step: when GitLab is
   * configured); a step that has not still runs and records that it was skipped.
   */
  default boolean hasWorkFor(TargetRepository repository) {
    return true;
  }

  /**
   * @throws AfterStepException when it failed, with what it did before it failed
   */
  StepOutcome run(StepInput<R> input);
}
