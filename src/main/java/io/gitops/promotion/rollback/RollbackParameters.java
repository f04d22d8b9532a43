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
    String expectedPromotionId) {}
