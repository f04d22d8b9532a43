package io.gitops.promotion.publish;

import io.gitops.promotion.gitlab.GitLab;
import io.gitops.promotion.gitlab.ResolvedTag;
import io.gitops.promotion.gitlab.TagVersions;
import java.util.Optional;

/**
 * {@link TagVersions} for image tags as overlays hold them, which may be blank: a blank tag names
 * no release, so it resolves to nothing instead of failing.
 */
final class VersionTags {

  private VersionTags() {}

  static Optional<ResolvedTag> resolve(GitLab gitLab, String project, String version) {
    if (version == null || version.isBlank()) {
      return Optional.empty();
    }
    return TagVersions.resolveReleaseCommit(gitLab, project, version);
  }

  /** {@code v1.5.0}; {@code "(blank)"} for a blank tag, for messages. */
  static String tagName(String version) {
    return version == null || version.isBlank() ? "(blank)" : TagVersions.tagName(version);
  }
}
