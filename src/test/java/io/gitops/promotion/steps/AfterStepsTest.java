package io.gitops.promotion.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AfterStepsTest {
  private final List<String> ran = new ArrayList<>();
  private final List<StepOutcome> recorded = new ArrayList<>();

  private AfterStep<String> step(String name, StepOutcome.Result result) {
    return new AfterStep<>() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public StepOutcome run(StepInput<String> input) {
        ran.add(name + ":" + input.result());
        return new StepOutcome(name, result, name + " done", null);
      }
    };
  }

  private AfterStep<String> failing(String name, boolean terminal) {
    return new AfterStep<>() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public StepOutcome run(StepInput<String> input) {
        ran.add(name);
        throw new AfterStepException(
            new StepOutcome(name, StepOutcome.Result.FAILED, "half done", null),
            terminal,
            "Refused",
            name + " refused",
            null);
      }
    };
  }

  @Test
  void runsTheStepsInOrderAndRecordsEachOutcomeUnderItsName() {
    List<StepOutcome> outcomes =
        new AfterSteps<>(
                List.of(
                    step("release", StepOutcome.Result.SUCCEEDED),
                    step("verify", StepOutcome.Result.SKIPPED)))
            .run(new StepInput<>(null, "run-1", null), recorded::add);

    assertThat(ran).containsExactly("release:run-1", "verify:run-1");
    assertThat(recorded).isEqualTo(outcomes);
    assertThat(outcomes)
        .extracting(StepOutcome::step, StepOutcome::result)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("release", StepOutcome.Result.SUCCEEDED),
            org.assertj.core.groups.Tuple.tuple("verify", StepOutcome.Result.SKIPPED));
  }

  @Test
  void aFailureStopsTheChainAfterItsPartialOutcomeIsRecorded() {
    AfterSteps<String> steps =
        new AfterSteps<>(
            List.of(
                step("release", StepOutcome.Result.SUCCEEDED),
                failing("deploy", true),
                step("verify", StepOutcome.Result.SUCCEEDED)));

    assertThatThrownBy(() -> steps.run(new StepInput<>(null, "run-1", null), recorded::add))
        .isInstanceOfSatisfying(
            AfterStepException.class,
            e -> {
              assertThat(e.terminal()).isTrue();
              assertThat(e.reason()).isEqualTo("Refused");
            });
    assertThat(ran).containsExactly("release:run-1", "deploy");
    assertThat(recorded)
        .extracting(StepOutcome::step, StepOutcome::result)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("release", StepOutcome.Result.SUCCEEDED),
            org.assertj.core.groups.Tuple.tuple("deploy", StepOutcome.Result.FAILED));
  }
}
