package io.gitops.promotion.rollback;

import java.time.Duration;

/**
 * A rollback as asked for, before validation: the plain values of command-line flags or of a
 * resource's spec and the operator configuration.
 *
 * @param window how old a promotion may be and still be rolled back without force; null for the
 *     default of {@link RollbackWindow#DEFAULT}, zero for no limit
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
    Duration window,
    String expectedPromotionId) {}
