package io.gitops.promotion.config;

import java.nio.file.Path;

/**
 * How the operator works with Git: where the cached clones live (one per repository, fetched
 * rather than cloned again) and how many times a push rejected by a moved branch is re-planned.
 */
public record GitSettings(Path cacheDir, int maxPushAttempts) {
  public static final GitSettings DEFAULT = new GitSettings(Path.of("/tmp/promotion-operator/git"), 5);
}
