package io.gitops.promotion.publish;

import io.gitops.promotion.engine.PromotionResult;
import io.gitops.promotion.engine.RejectionReason;
import io.gitops.promotion.engine.TargetRepository;
import io.gitops.promotion.rollback.RollbackRun;
import io.gitops.promotion.steps.AfterStep;
import io.gitops.promotion.steps.AfterStepException;
import io.gitops.promotion.steps.StepInput;
import io.gitops.promotion.steps.StepOutcome;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The GitLab publication as after-steps named {@code gitlab}: for a promotion the release (when its
 * source is a release source) and the deployments, for a rollback the deployments of the restored
 * versions. The step's details are the {@link PublishResult}.
 */
public final class GitLabSteps {
  public static final String NAME = "gitlab";

  private GitLabSteps() {}

  public static AfterStep<PromotionResult> forPromotions(GitLabPublication publication) {
    return new AfterStep<>() {
      @Override
      public String name() {
        return NAME;
      }

      @Override
      public boolean hasWorkFor(TargetRepository repository) {
        return repository.gitlabTarget().isPresent();
      }

      @Override
      public StepOutcome run(StepInput<PromotionResult> input) {
        String commit = input.result().commit();
        return publish(
            () -> publication.publish(input.repository(), input.result(), input.startedAt()),
            e ->
                "commit "
                    + commit
                    + " is pushed; GitLab steps done: "
                    + e.partialResult().stepsDone()
                    + ", not done: "
                    + e.partialResult().stepsNotDone());
      }
    };
  }

  public static AfterStep<RollbackRun> forRollbacks(GitLabPublication publication) {
    return new AfterStep<>() {
      @Override
      public String name() {
        return NAME;
      }

      @Override
      public boolean hasWorkFor(TargetRepository repository) {
        return repository.gitlabTarget().isPresent();
      }

      @Override
      public StepOutcome run(StepInput<RollbackRun> input) {
        RollbackRun run = input.result();
        return publish(
            () ->
                publication.publish(
                    input.repository(), run.request(), run.result(), input.startedAt()),
            e -> "commit " + run.result().commit() + " is pushed and stays");
      }
    };
  }

  private static StepOutcome publish(
      Supplier<PublishResult> publish, Function<PublishFailedException, String> progress) {
    try {
      PublishResult published = publish.get();
      return new StepOutcome(
          NAME,
          published.skipped() ? StepOutcome.Result.SKIPPED : StepOutcome.Result.SUCCEEDED,
          published.skipped()
              ? PublishResult.NOT_CONFIGURED
              : "steps done: " + published.stepsDone(),
          published);
    } catch (PublishFailedException e) {
      StepOutcome partial =
          new StepOutcome(NAME, StepOutcome.Result.FAILED, e.getMessage(), e.partialResult());
      throw new AfterStepException(
          partial,
          e.terminal(),
          RejectionReason.GITLAB_REJECTED.code(),
          e.getMessage() + " (" + progress.apply(e) + ")",
          e);
    }
  }
}
