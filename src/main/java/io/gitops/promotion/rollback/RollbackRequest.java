package io.gitops.promotion.rollback;

import io.gitops.promotion.config.Environment;
import io.gitops.promotion.config.RollbackWindow;
import io.gitops.promotion.run.MergeRequestDelivery;
import io.gitops.promotion.run.ReviewableRequest;

/**
 * A validated request to roll back the promotion recorded for one group in one environment. Built
 * only by {@link RollbackValidator}; every field has been checked.
 *
 * @param rollbackId identifies this rollback in the {@code Rollback-Id} trailer and the state file;
 *     a retry of the same rollback carries the same id
 * @param reason why it is forced or an emergency; non-null exactly when {@code force} or {@code
 *     emergency}
 * @param window a promotion older than this needs force; it may be unlimited
 * @param expectedPromotionId the promotion meant, or null for the latest recorded one
 * @param emergency pushed directly even into an environment gated by merge request
 */
public record RollbackRequest(
    String rollbackId,
    String group,
    Environment target,
    boolean dryRun,
    boolean force,
    String reason,
    String requestedBy,
    RollbackWindow window,
    String expectedPromotionId,
    boolean emergency)
    implements ReviewableRequest {

  /**
   * Whether its execution goes through a merge request: into an environment gated by one, unless it
   * is an emergency.
   */
  public boolean throughMergeRequest() {
    return !dryRun && !emergency && target.gatedByMergeRequest();
  }

  /** {@code rollback/<env>/<group>/<short id>}, lower case. */
  @Override
  public String reviewBranch() {
    return MergeRequestDelivery.branchName("rollback", target.name(), group, rollbackId);
  }
}
