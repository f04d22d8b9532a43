package io.gitops.promotion.rollback;

import io.gitops.promotion.engine.FileEdit;
import io.gitops.promotion.engine.PromotionPlan;
import io.gitops.promotion.state.PromotionRecord;
import java.util.List;
import java.util.Map;

/**
 * What a rollback will do, computed from the state entry and the overlays alone: the tags it
 * restores, the applications it leaves alone, and the edited overlays. Applying it writes exactly
 * {@link #edits()} (and the state file's record of the rollback).
 *
 * @param promotion the recorded promotion being rolled back
 * @param gitlabProjectIds the {@code gitlabProjectId} of each restored application that has one in
 *     the target overlay the rollback edits, keyed by {@link PromotionPlan#applicationKey(String,
 *     String) service/app}: where the deployment of the restored version is registered
 */
public record RollbackPlan(
    RollbackRequest request,
    PromotionRecord promotion,
    List<Restoration> restorations,
    List<Conflict> conflicts,
    List<FileEdit> edits,
    Map<String, Long> gitlabProjectIds) {

  public RollbackPlan {
    restorations = List.copyOf(restorations);
    conflicts = List.copyOf(conflicts);
    edits = List.copyOf(edits);
    gitlabProjectIds = Map.copyOf(gitlabProjectIds);
  }

  public String promotionId() {
    return promotion.id();
  }

  public boolean hasRestorations() {
    return !restorations.isEmpty();
  }

  /**
   * How executing the plan ends: any conflict makes it partial (even when nothing else was left to
   * restore, so the drift stays visible); otherwise restored, or nothing to do.
   */
  public RollbackOutcome executedOutcome() {
    if (!conflicts.isEmpty()) {
      return RollbackOutcome.PARTIALLY_RESTORED;
    }
    return restorations.isEmpty() ? RollbackOutcome.NOTHING_TO_ROLL_BACK : RollbackOutcome.RESTORED;
  }
}
