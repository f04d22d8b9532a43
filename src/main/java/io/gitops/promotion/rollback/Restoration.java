package io.gitops.promotion.rollback;

/**
 * One application's image tag going back from the promoted value to the one before the promotion.
 */
public record Restoration(String service, String app, String from, String to) {}
