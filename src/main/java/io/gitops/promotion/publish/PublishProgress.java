package io.gitops.promotion.publish;

import java.util.ArrayList;
import java.util.List;

/**
 * What the steps of one run have done so far. Each step records every object as soon as GitLab made
 * or showed it, so that a run that fails half-way still reports what exists.
 */
final class PublishProgress {

  private ReleaseStepResult release = ReleaseStepResult.notStarted();
  private DeploymentsStepResult deploymentsResult;
  private final List<RecordedDeployment> deployments = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  ReleaseStepResult release() {
    return release;
  }

  /** The release step's result so far ({@link ReleaseOutcome#NOT_DONE}) or its final one. */
  void release(ReleaseStepResult result) {
    release = result;
  }

  boolean hasDeployment(String project, String sha) {
    return deployments.stream()
        .anyMatch(d -> d.project().equals(project) && d.sha().equalsIgnoreCase(sha));
  }

  void deployed(RecordedDeployment deployment) {
    deployments.add(deployment);
  }

  void deploymentsFinished(DeploymentsOutcome outcome, String detail) {
    deploymentsResult = new DeploymentsStepResult(outcome, detail, deployments);
  }

  void warn(String warning) {
    warnings.add(warning);
  }

  PublishResult result() {
    DeploymentsStepResult deploymentsStep =
        deploymentsResult != null
            ? deploymentsResult
            : new DeploymentsStepResult(
                DeploymentsOutcome.NOT_DONE,
                deployments.size() + " recorded before it stopped",
                deployments);
    return new PublishResult(false, release, deploymentsStep, warnings);
  }
}
