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
 * @param note why the changelog is incomplete or missing (e.g. a tag GitLab does not have), shown
 *     under the heading; {@code null} when there is nothing to say
 */
public record ApplicationChangelog(
    String application,
    String fromVersion,
    String toVersion,
    List<ChangelogEntry> entries,
    String note) {

  public ApplicationChangelog {
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(fromVersion, "fromVersion");
    Objects.requireNonNull(toVersion, "toVersion");
    entries = List.copyOf(entries);
    note = note == null || note.isBlank() ? null : note;
  }

  /** A complete changelog, without a note. */
  public ApplicationChangelog(
      String application, String fromVersion, String toVersion, List<ChangelogEntry> entries) {
    this(application, fromVersion, toVersion, entries, null);
  }

  /** No entries, because the commits could not be listed; the note says why. */
  public static ApplicationChangelog unavailable(
      String application, String fromVersion, String toVersion, String note) {
    Objects.requireNonNull(note, "note");
    return new ApplicationChangelog(application, fromVersion, toVersion, List.of(), note);
  }
}
