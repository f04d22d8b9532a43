package io.gitops.promotion.api;

/**
 * One application's image tag moving in the target overlay, as a status row: a promotion's {@code
 * changes} and a rollback's {@code restored}.
 */
public record ImageTagChange(String service, String app, String from, String to) {}
