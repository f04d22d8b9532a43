package io.gitops.promotion.rollback;

import java.util.List;

/**
 * What a rollback run did: its outcome, which promotion it rolled back, the tags it restored (or
 * would, for a preview), the applications it left alone and the commit it pushed.
 *
 * @param commit the pushed commit, null unless something was restored and written
 * @param resumed true when the commit was found already pushed by an earlier attempt of the same rollback
 * @param pushRejections how many pushes the remote rejected because the branch moved
 */
public record RollbackResult(
    RollbackOutcome outcome,
    String title,
    String promotionId,
    List<Restoration> restored,
    List<Conflict> conflicts,
    String diff,
    String commit,
    boolean resumed,
    int pushRejections) {

  public RollbackResult {
    restored = List.copyOf(restored);
    conflicts = List.copyOf(conflicts);
  }

  static RollbackResult of(RollbackPlan plan, RollbackOutcome outcome, String diff, String commit,
      boolean resumed, int pushRejections) {
    return new RollbackResult(outcome, RollbackCommitMessage.title(plan), plan.promotionId(),
        plan.restorations(), plan.conflicts(), diff, commit, resumed, pushRejections);
  }
}
