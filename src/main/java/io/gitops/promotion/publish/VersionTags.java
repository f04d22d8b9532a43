package io.gitops.promotion.publish;

import io.gitops.promotion.gitlab.GitLab;
import io.gitops.promotion.gitlab.ResolvedTag;
import io.gitops.promotion.gitlab.TagVersions;
import io.gitops.promotion.layout.ImageVersion;
import java.util.Optional;

/**
 * {@link TagVersions} for image tags as overlays hold them, which may be blank: a blank tag names
 * no release, so it resolves to nothing instead of failing. A value pinned to a digest ({@code
 * 1.5.0@sha256:...}) or naming its image is its tag here; a digest alone names no release.
 */
final class VersionTags {

  private VersionTags() {}

  static Optional<ResolvedTag> resolve(GitLab gitLab, String project, String version) {
    String tag = tagOf(version);
    if (tag == null || tag.isBlank()) {
      return Optional.empty();
    }
    return TagVersions.resolveReleaseCommit(gitLab, project, tag);
  }

  /** {@code v1.5.0}; {@code "(blank)"} for a blank tag, for messages. */
  static String tagName(String version) {
    String tag = tagOf(version);
    return tag == null || tag.isBlank() ? "(blank)" : TagVersions.tagName(tag);
  }

  private static String tagOf(String version) {
    return version == null || version.indexOf('@') < 0 && version.indexOf(':') < 0
        ? version
        : ImageVersion.parse(version).tag();
  }
}
