package io.gitops.promotion.reconciler;

import static io.gitops.promotion.api.Conditions.TRUE;

import io.gitops.promotion.api.Conditions;
import io.gitops.promotion.api.ImageTagChange;
import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.PromotionRollback;
import io.gitops.promotion.api.PromotionRollbackStatus;
import io.gitops.promotion.api.Reasons;
import io.gitops.promotion.api.RollbackConflict;
import io.gitops.promotion.api.RollbackStatusResult;
import io.gitops.promotion.publish.PublishResult;
import io.gitops.promotion.rollback.RollbackOutcome;
import io.gitops.promotion.rollback.RollbackResult;
import java.time.Clock;
import java.util.Arrays;

/**
 * The status a PromotionRollback shows at each step of its run, filled from the engine's result.
 */
final class RollbackStatusTransitions extends RunTransitions {
  RollbackStatusTransitions(Clock clock) {
    super(clock);
  }

  static PromotionRollbackStatus statusOf(PromotionRollback rollback) {
    if (rollback.getStatus() == null) {
      rollback.setStatus(new PromotionRollbackStatus());
    }
    return rollback.getStatus();
  }

  /**
   * Records what the engine did and its commit, if any: the run may still have GitLab steps to do.
   */
  void recorded(PromotionRollback r, RollbackResult result) {
    PromotionRollbackStatus s = statusOf(r);
    s.setPromotionId(result.promotionId());
    s.setResult(
        Arrays.stream(RollbackStatusResult.values())
            .filter(v -> v.value().equals(result.outcome().label()))
            .findFirst()
            .orElseThrow());
    s.setBoundedRestored(
        result.restored().stream()
            .map(x -> new ImageTagChange(x.service(), x.app(), x.from(), x.to()))
            .toList());
    s.setConflicts(
        result.conflicts().stream()
            .map(
                c ->
                    new RollbackConflict(
                        c.service(), c.app(), c.expected(), c.actual(), c.restoreTo()))
            .toList());
    diff(s, result.unifiedDiff());
    s.setCommit(result.commit());
    s.setGit(GitTrafficOf.counts(result.counts()));
    condition(
        r,
        s,
        Conditions.PLANNED,
        TRUE,
        Reasons.PLAN_COMPUTED,
        result.restored().size()
            + " restoration(s), "
            + result.conflicts().size()
            + " conflict(s)");
    if (result.commit() != null) {
      condition(
          r,
          s,
          Conditions.COMMITTED,
          TRUE,
          result.resumed() ? Reasons.ALREADY_PUSHED : Reasons.PUSHED,
          "commit " + result.commit());
    }
  }

  /** An emergency rollback pushed directly, despite a merge request gate. */
  void emergency(PromotionRollback r) {
    statusOf(r).setEmergency(Boolean.TRUE);
  }

  /**
   * Records the deployments of the restored versions (all of them, or those made before a failure).
   */
  void published(PromotionRollback r, PublishResult published) {
    PromotionRollbackStatus s = statusOf(r);
    s.setGitlab(deploymentsRecorded(r, s, published));
  }

  /** The end of a run that was not rejected: Previewed, or Succeeded with the rollback's result. */
  void finished(PromotionRollback r, RollbackResult result) {
    PromotionRollbackStatus s = statusOf(r);
    if (result.outcome() == RollbackOutcome.PREVIEWED) {
      end(r, s, Phase.PREVIEWED, Reasons.PREVIEWED, "preview of the rollback; nothing written");
      return;
    }
    String message =
        switch (result.outcome()) {
          case RESTORED ->
              "restored " + result.restored().size() + " tag(s) in commit " + s.getShortCommit();
          case PARTIALLY_RESTORED ->
              "restored "
                  + result.restored().size()
                  + " tag(s); "
                  + result.conflicts().size()
                  + " changed since the promotion and left alone (force restores them)";
          default -> "every tag already has its pre-promotion value";
        };
    end(r, s, Phase.SUCCEEDED, result.outcome().label(), message);
  }
}
