package io.gitops.promotion.engine;

/**
 * A promotion as asked for, before validation: the plain values of command-line flags or of a
 * resource's spec.
 */
public record PromotionParameters(
    String promotionId,
    String group,
    String sourceEnv,
    String targetEnv,
    String versionService,
    boolean dryRun,
    boolean force,
    String reason,
    String requestedBy) {}
