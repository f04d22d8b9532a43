package io.gitops.promotion.rollback;

import io.gitops.promotion.config.RollbackWindow;

/**
 * A rollback as asked for, before validation: the plain values of command-line flags or of a
 * resource's spec and the operator configuration.
 *
 * @param window how old a promotion may be and still be rolled back without force; null for the
 *     default of seven days
 * @param expectedPromotionId the promotion the caller means to roll back, or null for whichever is
 *     recorded last
 * @param emergency pushed directly into an environment gated by merge request; needs a reason
 */
public record RollbackParameters(
    String rollbackId,
    String group,
    String targetEnv,
    boolean dryRun,
    boolean force,
    String reason,
    String requestedBy,
    RollbackWindow window,
    String expectedPromotionId,
    boolean emergency) {

  /** A rollback that is no emergency. */
  public RollbackParameters(
      String rollbackId,
      String group,
      String targetEnv,
      boolean dryRun,
      boolean force,
      String reason,
      String requestedBy,
      RollbackWindow window,
      String expectedPromotionId) {
    this(
        rollbackId,
        group,
        targetEnv,
        dryRun,
        force,
        reason,
        requestedBy,
        window,
        expectedPromotionId,
        false);
  }
}
