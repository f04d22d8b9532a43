package io.gitops.promotion.publish;

import io.gitops.promotion.changelog.CommitClassifier;
import io.gitops.promotion.changelog.ReleaseNotes;
import io.gitops.promotion.engine.PromotionCommitMessage;
import io.gitops.promotion.engine.PromotionPlan;
import io.gitops.promotion.gitlab.GitLab;
import io.gitops.promotion.gitlab.GitLabException;
import java.util.Optional;

/**
 * The changelog the release of a planned promotion will carry, read before the promotion lands (for
 * its merge request) the way the release step reads it. Empty when the promotion makes no release:
 * its source is not a release source, or it has no version. A GitLab that cannot answer now gives a
 * note instead: the request is worth opening without it.
 */
public final class UpcomingChangelog {
  private UpcomingChangelog() {}

  public static Optional<String> of(GitLab gitLab, PublishSettings settings, PromotionPlan plan) {
    if (!settings.releasesFrom(plan.request().source()) || plan.version() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          ReleaseNotes.changelog(
              new ChangelogReader(gitLab, new CommitClassifier())
                  .read(PublishRequest.applications(plan))
                  .changelogs()));
    } catch (GitLabException e) {
      return Optional.of(
          "# Changelog\n\n_The changelog could not be read now ("
              + PromotionCommitMessage.oneLine(e.getMessage())
              + "); the release will carry it._\n");
    }
  }
}
