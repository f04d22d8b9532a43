package io.gitops.promotion.reconciler;

import static io.gitops.promotion.api.Conditions.FALSE;
import static io.gitops.promotion.api.Conditions.TRUE;
import static io.gitops.promotion.api.Conditions.UNKNOWN;

import io.gitops.promotion.api.Conditions;
import io.gitops.promotion.api.ImageTagChange;
import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.Promotion;
import io.gitops.promotion.api.PromotionStatus;
import io.gitops.promotion.api.Reasons;
import io.gitops.promotion.promotion.PromotionOutcome;
import io.gitops.promotion.promotion.PromotionResult;
import io.gitops.promotion.state.TagSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * The status a Promotion shows at each step of its run: phase, message, reason and the standard
 * conditions, filled from the engine's result. Pure: it only edits the status object it is given.
 */
final class PromotionStatusTransitions {
  private final Clock clock;

  PromotionStatusTransitions(Clock clock) {
    this.clock = clock;
  }

  static PromotionStatus statusOf(Promotion promotion) {
    if (promotion.getStatus() == null) {
      promotion.setStatus(new PromotionStatus());
    }
    return promotion.getStatus();
  }

  void waiting(Promotion p, String reason, String message) {
    PromotionStatus s = statusOf(p);
    s.setPhase(s.getPhase() == Phase.PREVIEWED ? Phase.PREVIEWED : Phase.PENDING);
    s.setReason(reason);
    s.setMessage(message);
    condition(p, Conditions.READY, FALSE, reason, message);
  }

  void running(Promotion p) {
    PromotionStatus s = statusOf(p);
    s.setPhase(Phase.RUNNING);
    s.setStartedAt(Conditions.timestamp(now()));
    s.setCompletedAt(null);
    s.setReason(Reasons.IN_PROGRESS);
    s.setMessage(p.getSpec().isDryRun() ? "computing the plan" : "promoting");
    condition(p, Conditions.VALIDATED, TRUE, Reasons.ACCEPTED, "request is valid for the configured environments");
    condition(p, Conditions.READY, FALSE, Reasons.IN_PROGRESS, s.getMessage());
  }

  void finished(Promotion p, PromotionResult result) {
    PromotionStatus s = statusOf(p);
    s.setTitle(result.title());
    s.setVersion(result.version());
    s.setReleaseTag(result.releaseTag());
    s.setChanges(result.changes().stream().map(c -> new ImageTagChange(c.service(), c.app(), c.from(), c.to())).toList());
    s.setWarnings(result.warnings());
    s.setBoundedDiff(result.diff());
    s.setPreState(byGroup(p, result.preState()));
    s.setPostState(byGroup(p, result.postState()));
    s.setPushRejections(result.pushRejections());
    condition(p, Conditions.PLANNED, TRUE, Reasons.PLAN_COMPUTED,
        result.changes().size() + " tag change(s), " + result.warnings().size() + " warning(s)");
    if (result.outcome() == PromotionOutcome.PREVIEWED) {
      s.setPlanFingerprint(result.plan().fingerprint());
      end(p, Phase.PREVIEWED, Reasons.PREVIEWED, "preview ready: set spec.dryRun to false to execute this plan");
      condition(p, Conditions.COMMITTED, FALSE, Reasons.PREVIEWED, "dry run: nothing written");
      return;
    }
    s.setCommit(result.commit());
    String committed = result.outcome() == PromotionOutcome.NOTHING_TO_PROMOTE ? Reasons.NOTHING_TO_PROMOTE
        : result.resumed() ? Reasons.ALREADY_PUSHED : Reasons.PUSHED;
    condition(p, Conditions.COMMITTED, TRUE, committed,
        result.commit() == null ? "every target tag already had its source value" : "commit " + result.commit());
    end(p, Phase.SUCCEEDED, Reasons.SUCCEEDED, result.outcome() == PromotionOutcome.NOTHING_TO_PROMOTE
        ? "nothing to promote" : "promoted in commit " + s.getShortCommit());
  }

  void failed(Promotion p, String reason, String message) {
    condition(p, Conditions.READY, FALSE, reason, message);
    end(p, Phase.FAILED, reason, message);
  }

  void retrying(Promotion p, String message) {
    PromotionStatus s = statusOf(p);
    s.setReason(Reasons.RETRYING);
    s.setMessage(message);
    condition(p, Conditions.READY, UNKNOWN, Reasons.RETRYING, message);
  }

  private void end(Promotion p, Phase phase, String reason, String message) {
    PromotionStatus s = statusOf(p);
    s.setPhase(phase);
    s.setReason(reason);
    s.setMessage(message);
    s.setCompletedAt(Conditions.timestamp(now()));
    if (phase != Phase.FAILED) {
      condition(p, Conditions.READY, TRUE, reason, message);
    }
  }

  private void condition(Promotion p, String type, String status, String reason, String message) {
    PromotionStatus s = statusOf(p);
    s.setObservedGeneration(p.getMetadata().getGeneration());
    s.setCondition(type, status, reason, message, p.getMetadata().getGeneration(), now());
  }

  private static Map<String, Map<String, Map<String, String>>> byGroup(Promotion p, TagSnapshot snapshot) {
    return snapshot.isEmpty() ? null : Map.of(p.getSpec().getWorkloadGroup(), snapshot.services());
  }

  private Instant now() {
    return Instant.now(clock);
  }
}
