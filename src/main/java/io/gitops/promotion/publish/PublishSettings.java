package io.gitops.promotion.publish;

import io.gitops.promotion.config.Environment;
import java.util.Objects;
import java.util.Set;

/**
 * Where and when a repository's promotions are published in GitLab, as configured once.
 *
 * @param gitlabProject the GitOps repository's GitLab project: a numeric id or {@code
 *     group/project}
 * @param branch the branch promotions are pushed to: the ref of a deployment without a release tag
 * @param releaseFrom the names of the environments whose promotions create a release; empty means
 *     {@link #DEFAULT_RELEASE_FROM}
 */
public record PublishSettings(String gitlabProject, String branch, Set<String> releaseFrom) {

  /** As the pipeline did: a promotion out of DEV marks a release candidate. */
  public static final Set<String> DEFAULT_RELEASE_FROM = Set.of("DEV");

  public PublishSettings {
    requireText(gitlabProject, "gitlabProject");
    requireText(branch, "branch");
    releaseFrom =
        releaseFrom == null || releaseFrom.isEmpty()
            ? DEFAULT_RELEASE_FROM
            : Set.copyOf(releaseFrom);
  }

  /** Releases from DEV. */
  public static PublishSettings of(String gitlabProject, String branch) {
    return new PublishSettings(gitlabProject, branch, DEFAULT_RELEASE_FROM);
  }

  /** Whether a promotion out of this environment creates a release; names compare ignoring case. */
  public boolean releasesFrom(Environment source) {
    return releaseFrom.stream().anyMatch(name -> name.equalsIgnoreCase(source.name()));
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
