package io.gitops.promotion.gitlab;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Release versions and their Git tags: version {@code 1.5.0} is tag {@code v1.5.0}, and a hotfix
 * build {@code 0.23.0.185} (a fourth numeric component) has no tag of its own but resolves through
 * its base tag {@code v0.23.0}.
 */
public final class TagVersions {

  private static final Pattern HOTFIX = Pattern.compile("v?(\\d+\\.\\d+\\.\\d+)\\.\\d+");

  private TagVersions() {}

  /** {@code 1.5.0 -> v1.5.0}; a version that already starts with {@code v} is kept as it is. */
  public static String tagName(String version) {
    String trimmed = requireVersion(version);
    return trimmed.startsWith("v") ? trimmed : "v" + trimmed;
  }

  /** {@code 0.23.0.185 -> v0.23.0}; empty for a version that is not a hotfix build. */
  public static Optional<String> hotfixBaseTag(String version) {
    Matcher hotfix = HOTFIX.matcher(requireVersion(version));
    return hotfix.matches() ? Optional.of("v" + hotfix.group(1)) : Optional.empty();
  }

  /**
   * The tag a version was released as and its commit: tag {@code v<version>} if it exists,
   * otherwise the base tag of a hotfix version, otherwise empty.
   */
  public static Optional<ResolvedTag> resolveReleaseCommit(
      GitLab gitLab, String projectId, String version) {
    String tag = tagName(version);
    Optional<ResolvedTag> exact =
        gitLab.tagCommit(projectId, tag).map(sha -> new ResolvedTag(tag, sha));
    if (exact.isPresent()) {
      return exact;
    }
    return hotfixBaseTag(version)
        .flatMap(base -> gitLab.tagCommit(projectId, base).map(sha -> new ResolvedTag(base, sha)));
  }

  private static String requireVersion(String version) {
    if (version == null || version.isBlank()) {
      throw new IllegalArgumentException("version is required");
    }
    return version.strip();
  }
}
