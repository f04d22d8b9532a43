package io.gitops.promotion.engine;

import java.util.Optional;

/**
 * The changelog the release of a planned promotion will carry, read before the promotion lands so
 * that its merge request shows it (GitLab Markdown). Empty when the promotion makes no release: its
 * source is not a release source, it has no version, or the repository has no GitLab project.
 */
@FunctionalInterface
public interface ReleaseChangelog {
  /** No changelog for anything. */
  ReleaseChangelog NONE = (repository, plan) -> Optional.empty();

  Optional<String> of(TargetRepository repository, PromotionPlan plan);
}
