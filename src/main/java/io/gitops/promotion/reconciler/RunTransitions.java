package io.gitops.promotion.reconciler;

import static io.gitops.promotion.api.Conditions.FALSE;
import static io.gitops.promotion.api.Conditions.TRUE;
import static io.gitops.promotion.api.Conditions.UNKNOWN;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.gitops.promotion.api.Conditions;
import io.gitops.promotion.api.GateStatus;
import io.gitops.promotion.api.GitLabDeployment;
import io.gitops.promotion.api.GitLabStatus;
import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.Reasons;
import io.gitops.promotion.api.RunStatus;
import io.gitops.promotion.engine.UnifiedDiff;
import io.gitops.promotion.gate.GateDecision;
import io.gitops.promotion.git.UrlRedaction;
import io.gitops.promotion.publish.DeploymentsOutcome;
import io.gitops.promotion.publish.PublishResult;
import io.gitops.promotion.steps.StepOutcome;
import java.time.Clock;
import java.time.Instant;

/**
 * The steps every run-once resource goes through, written on its status: waiting for its turn,
 * running, retrying, the GitLab deployments after a push, and the terminal phases with their reason
 * and the Ready condition.
 */
class RunTransitions {
  private final Clock clock;

  RunTransitions(Clock clock) {
    this.clock = clock;
  }

  /**
   * Waiting for its turn. A run that already started (a retry after its push) stays Running: going
   * back to Pending would start it again with a new start time, and the start time is what finds
   * the GitLab deployments it made before.
   */
  /**
   * Puts the diff on the status as far as the status keeps it: only the files of its first {@link
   * RunStatus#MAX_DIFF_CHARS} are formatted, one character more telling whether it was cut.
   */
  static void diff(RunStatus s, UnifiedDiff diff) {
    s.setBoundedDiff(diff.prefix(RunStatus.MAX_DIFF_CHARS + 1));
  }

  /** Records an after-step's outcome under its name on {@code status.steps}. */
  void step(RunStatus s, StepOutcome outcome) {
    s.recordStep(outcome.step(), outcome.result().label(), outcome.message(), clock.instant());
  }

  void waiting(HasMetadata resource, RunStatus s, String reason, String message) {
    Phase phase = s.getPhase();
    s.setPhase(phase == Phase.PREVIEWED || phase == Phase.RUNNING ? phase : Phase.PENDING);
    s.setReason(reason);
    s.setMessage(message);
    condition(resource, s, Conditions.READY, FALSE, reason, message);
  }

  /**
   * Held by a freeze window or soak time: Pending until {@code opensAt}, when the run starts by
   * itself.
   */
  void gated(HasMetadata resource, RunStatus s, GateDecision gate) {
    s.setPhase(Phase.PENDING);
    s.setReason(gate.reason());
    s.setMessage(gate.message());
    s.setGate(
        new GateStatus(
            gate.reason(),
            gate.message(),
            gate.opensAt() == null ? null : gate.opensAt().toString()));
    condition(resource, s, Conditions.GATED, TRUE, gate.reason(), gate.message());
    condition(resource, s, Conditions.READY, FALSE, gate.reason(), gate.message());
  }

  void running(HasMetadata resource, RunStatus s, String message) {
    if (s.getGate() != null) {
      s.setGate(null);
      condition(
          resource,
          s,
          Conditions.GATED,
          FALSE,
          Reasons.GATE_OPEN,
          "no freeze window or soak time holds it");
    }
    s.setPhase(Phase.RUNNING);
    s.setStartedAt(Conditions.timestamp(now()));
    s.setCompletedAt(null);
    s.setReason(Reasons.IN_PROGRESS);
    s.setMessage(message);
    condition(
        resource,
        s,
        Conditions.VALIDATED,
        TRUE,
        Reasons.ACCEPTED,
        "request is valid for the configured environments");
    condition(resource, s, Conditions.READY, FALSE, Reasons.IN_PROGRESS, message);
  }

  void retrying(HasMetadata resource, RunStatus s, String message) {
    s.setReason(Reasons.RETRYING);
    s.setMessage(message);
    condition(resource, s, Conditions.READY, UNKNOWN, Reasons.RETRYING, message);
  }

  /**
   * Failed; the message passes through {@link UrlRedaction} whichever exception or input it quotes.
   */
  void failed(HasMetadata resource, RunStatus s, String reason, String message) {
    String safe = UrlRedaction.redact(message);
    condition(resource, s, Conditions.READY, FALSE, reason, safe);
    end(resource, s, Phase.FAILED, reason, safe);
  }

  /** A terminal phase (Previewed counts: it waits for an approval, not for the operator). */
  void end(HasMetadata resource, RunStatus s, Phase phase, String reason, String message) {
    s.setPhase(phase);
    s.setReason(reason);
    s.setMessage(message);
    s.setCompletedAt(Conditions.timestamp(now()));
    if (phase != Phase.FAILED) {
      condition(resource, s, Conditions.READY, TRUE, reason, message);
    }
  }

  /**
   * What the GitLab steps did (all of it, or the part done before a failure) for {@code
   * status.gitlab}, and the DeploymentsRecorded condition; a promotion adds its release to both.
   */
  GitLabStatus deploymentsRecorded(HasMetadata resource, RunStatus s, PublishResult published) {
    GitLabStatus gitlab = new GitLabStatus();
    gitlab.setSkipped(published.skipped());
    gitlab.setDeployments(
        published.deployments().stream()
            .map(d -> new GitLabDeployment(d.project(), d.environment(), d.id(), d.sha()))
            .toList());
    gitlab.setWarnings(published.warnings());
    DeploymentsOutcome deployments = published.deploymentsStep().outcome();
    condition(
        resource,
        s,
        Conditions.DEPLOYMENTS_RECORDED,
        deployments == DeploymentsOutcome.NOT_DONE ? FALSE : TRUE,
        switch (deployments) {
          case CREATED, ALREADY_EXISTED -> Reasons.DEPLOYMENTS_CREATED;
          case SKIPPED -> Reasons.DEPLOYMENTS_SKIPPED;
          case NOT_DONE -> Reasons.RETRYING;
        },
        published.deploymentsStep().describe());
    return gitlab;
  }

  void condition(
      HasMetadata resource,
      RunStatus s,
      String type,
      String status,
      String reason,
      String message) {
    s.setObservedGeneration(resource.getMetadata().getGeneration());
    s.setCondition(type, status, reason, message, resource.getMetadata().getGeneration(), now());
  }

  Instant now() {
    return Instant.now(clock);
  }
}
