package io.gitops.promotion.gitlab;

/** A tag found for a version and the commit it points to. */
public record ResolvedTag(String tagName, String sha) {}
