package io.gitops.promotion.publish;

import java.util.List;
import java.util.Objects;

/**
 * What the deployments step did.
 *
 * @param detail why it was skipped, or what it did, in a few words
 * @param deployments the deployments registered or found, GitOps project first
 */
public record DeploymentsStepResult(
    DeploymentsOutcome outcome, String detail, List<RecordedDeployment> deployments) {

  public DeploymentsStepResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(detail, "detail");
    deployments = List.copyOf(deployments);
  }

  static DeploymentsStepResult skipped(String reason) {
    return new DeploymentsStepResult(DeploymentsOutcome.SKIPPED, reason, List.of());
  }

  /** {@code Created: ...}, {@code NotDone: ...}: one line for messages. */
  public String describe() {
    return outcome.label() + ": " + detail;
  }
}
