package io.gitops.promotion.changelog;

import java.util.Objects;

/**
 * One changelog line: what a commit means for a reader of the release notes.
 *
 * @param kind the section the line goes to
 * @param description the text of the line, as written in the commit title
 * @param breaking whether the commit declares a breaking change
 * @param scope the Conventional Commits scope without parentheses, or {@code null} when absent
 */
public record ChangelogEntry(ChangeKind kind, String description, boolean breaking, String scope) {

  public ChangelogEntry {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(description, "description");
  }
}
