package io.gitops.promotion.api;

/**
 * One application's image tag at one moment, as a status row: a promotion's {@code preState} and
 * {@code postState} (the group is the spec's {@code workloadGroup}).
 */
public record ApplicationTag(String service, String app, String tag) {}
