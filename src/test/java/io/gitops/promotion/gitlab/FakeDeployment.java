package io.gitops.promotion.gitlab;

import java.time.Instant;

/** A deployment in {@link FakeGitLabServer}. */
public record FakeDeployment(
    long id,
    long iid,
    String environment,
    String sha,
    String ref,
    boolean tag,
    String status,
    Instant createdAt,
    Instant updatedAt) {}
