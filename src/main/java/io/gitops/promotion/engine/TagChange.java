package io.gitops.promotion.engine;

/** One application's image tag moving from one value to another in the target overlay. */
public record TagChange(String service, String app, String from, String to) {}
