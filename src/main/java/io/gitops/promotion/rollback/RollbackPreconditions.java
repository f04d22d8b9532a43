package io.gitops.promotion.rollback;

import io.gitops.promotion.config.RollbackWindow;
import io.gitops.promotion.promotion.PromotionRejectedException;
import io.gitops.promotion.promotion.RejectionReason;
import io.gitops.promotion.state.PromotionRecord;
import java.time.Instant;

/**
 * Whether the recorded promotion may be rolled back by this request: it must be the promotion the
 * caller means, and young enough for the window unless forced.
 */
final class RollbackPreconditions {
  private RollbackPreconditions() {}

  static void check(RollbackRequest request, PromotionRecord promotion, Instant now) {
    String where = request.group() + " into " + request.target().name();
    if (request.expectedPromotionId() != null && !request.expectedPromotionId().equals(promotion.id())) {
      throw new PromotionRejectedException(RejectionReason.PROMOTION_SUPERSEDED,
          "promotion " + request.expectedPromotionId() + " is no longer the latest of " + where
              + ": promotion " + promotion.id() + " of " + promotion.createdAt()
              + " replaced it, and only the latest recorded promotion can be rolled back");
    }
    RollbackWindow window = request.window();
    boolean expired = !window.isUnlimited() && (promotion.createdAt() == null || !window.allows(promotion.createdAt(), now));
    if (expired && !request.force()) {
      String age = promotion.createdAt() == null
          ? "has no recorded time, so its age is unknown"
          : "was made at " + promotion.createdAt() + ", more than " + window + " ago";
      throw new PromotionRejectedException(RejectionReason.ROLLBACK_WINDOW_EXPIRED,
          "promotion " + promotion.id() + " of " + where + " " + age
              + " (the rollback window); force with a reason to roll it back anyway");
    }
  }
}
