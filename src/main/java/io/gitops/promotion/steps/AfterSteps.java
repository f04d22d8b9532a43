package io.gitops.promotion.steps;

import io.gitops.promotion.engine.TargetRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The after-steps of one kind of run, in order: each outcome is handed to the recorder as soon as
 * it is known, and a failure stops the chain after its partial outcome is recorded.
 *
 * @param <R> the run's report the steps work from
 */
public final class AfterSteps<R> {
  private final List<AfterStep<R>> steps;

  public AfterSteps(List<AfterStep<R>> steps) {
    this.steps = List.copyOf(steps);
  }

  /**
   * @throws AfterStepException from the first step that failed
   */
  public List<StepOutcome> run(StepInput<R> input, Consumer<StepOutcome> recorder) {
    List<StepOutcome> outcomes = new ArrayList<>();
    for (AfterStep<R> step : steps) {
      StepOutcome outcome;
      try {
        outcome = step.run(input);
      } catch (AfterStepException e) {
        recorder.accept(e.partial());
        throw e;
      }
      recorder.accept(outcome);
      outcomes.add(outcome);
    }
    return outcomes;
  }

  /** Whether any step has something to do for runs on this repository. */
  public boolean haveWorkFor(TargetRepository repository) {
    return steps.stream().anyMatch(step -> step.hasWorkFor(repository));
  }

  public List<String> names() {
    return steps.stream().map(AfterStep::name).toList();
  }
}
