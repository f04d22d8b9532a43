package io.gitops.promotion.gitlab;

import java.time.Instant;

/** An environment in {@link FakeGitLabServer}. */
public record FakeEnvironment(
    long id, String name, String tier, Instant createdAt, Instant updatedAt) {

  FakeEnvironment withTier(String newTier, Instant now) {
    return new FakeEnvironment(id, name, newTier, createdAt, now);
  }
}
