package io.gitops.promotion.gitlab;

import java.time.Instant;

/** A release in {@link FakeGitLabServer}. */
public record FakeRelease(String tagName, String name, String description, Instant createdAt) {}
