package io.gitops.promotion.changelog;

import java.util.List;
import java.util.Objects;

/**
 * The changelog of one application between two versions: one {@code ## application (from → to)}
 * block of the release description.
 *
 * @param application the application name, e.g. {@code tbd-test-backend}
 * @param fromVersion the tag before the promotion
 * @param toVersion the tag after the promotion
 * @param entries the entries in Compare API order (oldest commit first)
 */
public record ApplicationChangelog(
    String application, String fromVersion, String toVersion, List<ChangelogEntry> entries) {

  public ApplicationChangelog {
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(fromVersion, "fromVersion");
    Objects.requireNonNull(toVersion, "toVersion");
    entries = List.copyOf(entries);
  }
}
