package io.gitops.promotion.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the GitLab steps of a promotion did, step by step: the release tag and release, the
 * deployments and the warnings. A failed run's partial result says the same of the steps it got
 * through ({@link PublishFailedException#partialResult()}).
 *
 * @param skipped true when GitLab is not configured for the repository: no step ran
 * @param warnings what the steps could not do but did not fail for (a tag GitLab does not have, a
 *     release left out), in the order they arose
 */
public record PublishResult(
    boolean skipped,
    ReleaseStepResult releaseStep,
    DeploymentsStepResult deploymentsStep,
    List<String> warnings) {

  static final String NOT_CONFIGURED = "GitLab is not configured";

  public PublishResult {
    Objects.requireNonNull(releaseStep, "releaseStep");
    Objects.requireNonNull(deploymentsStep, "deploymentsStep");
    warnings = List.copyOf(warnings);
  }

  /** The result when there is no GitLab to publish to: Git only, every step skipped. */
  public static PublishResult notConfigured() {
    return new PublishResult(
        true,
        ReleaseStepResult.skipped(NOT_CONFIGURED),
        DeploymentsStepResult.skipped(NOT_CONFIGURED),
        List.of());
  }

  /** The promotion's release tag, {@code null} when it has none. */
  public String releaseTag() {
    return releaseStep.tag();
  }

  public String releaseUrl() {
    return releaseStep.releaseUrl();
  }

  public boolean tagCreated() {
    return releaseStep.tagCreated();
  }

  public boolean releaseCreated() {
    return releaseStep.releaseCreated();
  }

  public List<RecordedDeployment> deployments() {
    return deploymentsStep.deployments();
  }

  /** How many changes were pushed without a release of their own, for the metric. */
  public int unreleasedChanges() {
    return releaseStep.unreleased().size();
  }

  /** The steps that finished (created, found, skipped or left without a release). */
  public List<PublishStep> stepsDone() {
    List<PublishStep> done = new ArrayList<>();
    if (releaseStep.outcome() != ReleaseOutcome.NOT_DONE) {
      done.add(PublishStep.RELEASE);
    }
    if (deploymentsStep.outcome() != DeploymentsOutcome.NOT_DONE) {
      done.add(PublishStep.DEPLOYMENTS);
    }
    return done;
  }

  /** The steps that did not finish; empty unless the result is a failed run's partial one. */
  public List<PublishStep> stepsNotDone() {
    List<PublishStep> notDone = new ArrayList<>(List.of(PublishStep.values()));
    notDone.removeAll(stepsDone());
    return notDone;
  }
}
