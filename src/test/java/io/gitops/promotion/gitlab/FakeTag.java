package io.gitops.promotion.gitlab;

import java.time.Instant;

/**
 * A tag in {@link FakeGitLabServer}.
 *
 * @param message the annotation, {@code null} for a lightweight tag
 */
public record FakeTag(String name, String sha, String message, Instant createdAt) {}
