package io.gitops.promotion.reconciler;

import io.gitops.promotion.api.PromotionRollback;
import io.gitops.promotion.api.Reasons;
import io.gitops.promotion.engine.TargetRepository;
import io.gitops.promotion.rollback.RollbackRequest;
import io.gitops.promotion.rollback.RollbackResult;

/**
 * What people see of an emergency rollback, pushed directly although its environment may be gated
 * by merge request: {@code status.emergency}, and a Warning Event {@code EmergencyRollback} naming
 * its reason, once, when it pushed (not again when a retry finds the commit).
 */
final class EmergencyRollbacks {
  private final RollbackStatusTransitions transitions;
  private final EventRecorder events;

  EmergencyRollbacks(RollbackStatusTransitions transitions, EventRecorder events) {
    this.transitions = transitions;
    this.events = events;
  }

  /** Records a rollback's result if it is an emergency that pushed; anything else is left alone. */
  void recorded(
      PromotionRollback rollback,
      TargetRepository repository,
      RollbackRequest request,
      RollbackResult done) {
    if (!request.emergency() || done.commit() == null) {
      return;
    }
    transitions.emergency(rollback);
    if (done.resumed()) {
      return;
    }
    events.warning(
        rollback,
        Reasons.EMERGENCY_ROLLBACK,
        "emergency rollback pushed directly to branch "
            + repository.remote().branch()
            + " as commit "
            + done.commit()
            + (request.target().gatedByMergeRequest()
                ? ", bypassing the merge request gate of " + request.target().name()
                : "")
            + ": "
            + request.reason());
  }
}
