package io.gitops.promotion.rollback;

import io.gitops.promotion.config.Environment;
import io.gitops.promotion.config.RollbackWindow;

/**
 * A validated request to roll back the promotion recorded for one group in one environment. Built
 * only by {@link RollbackValidator}; every field has been checked.
 *
 * @param rollbackId identifies this rollback in the {@code Rollback-Id} trailer and the state file;
 *     a retry of the same rollback carries the same id
 * @param reason why it is forced; non-null exactly when {@code force}
 * @param window a promotion older than this needs force; it may be unlimited
 * @param expectedPromotionId the promotion meant, or null for the latest recorded one
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
    String expectedPromotionId) {}
