package io.gitops.promotion.rollback;

import io.gitops.promotion.config.RollbackWindow;
import io.gitops.promotion.engine.RejectionReason;
import io.gitops.promotion.engine.RequestRejectedException;
import io.gitops.promotion.state.PromotionRecord;
import java.time.Instant;

/**
 * Whether the recorded promotion may be rolled back by this request: it must be the promotion the
 * caller means, and young enough for the window unless forced.
 */
final class RollbackPreconditions {
  /** Clocks of the machines that wrote the state file may differ this much. */
  private static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofMinutes(10);

  private RollbackPreconditions() {}

  static void check(RollbackRequest request, PromotionRecord promotion, Instant now) {
    String where = request.group() + " into " + request.target().name();
    if (request.expectedPromotionId() != null
        && !request.expectedPromotionId().equals(promotion.id())) {
      throw new RequestRejectedException(
          RejectionReason.PROMOTION_SUPERSEDED,
          "promotion "
              + request.expectedPromotionId()
              + " is no longer the latest of "
              + where
              + ": promotion "
              + promotion.id()
              + " of "
              + promotion.createdAt()
              + " replaced it, and only the latest recorded promotion can be rolled back");
    }
    // a time in the future would keep a promotion inside any window for ever: the file is wrong
    if (promotion.createdAt() != null && promotion.createdAt().isAfter(now.plus(CLOCK_SKEW))) {
      throw new RequestRejectedException(
          RejectionReason.INVALID_STATE_FILE,
          "the state entry of "
              + where
              + " says promotion "
              + promotion.id()
              + " was made at "
              + promotion.createdAt()
              + ", in the future; correct created_at in the state file");
    }
    RollbackWindow window = request.window();
    boolean expired =
        !window.isUnlimited()
            && (promotion.createdAt() == null || !window.allows(promotion.createdAt(), now));
    if (expired && !request.force()) {
      String age =
          promotion.createdAt() == null
              ? "has no recorded time, so its age is unknown"
              : "was made at " + promotion.createdAt() + ", more than " + window + " ago";
      throw new RequestRejectedException(
          RejectionReason.ROLLBACK_WINDOW_EXPIRED,
          "promotion "
              + promotion.id()
              + " of "
              + where
              + " "
              + age
              + " (the rollback window); force with a reason to roll it back anyway");
    }
  }
}
