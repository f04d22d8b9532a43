package io.gitops.promotion.changelog;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The changelog of one application as Markdown blocks: its {@code ## application (from → to)}
 * heading, then one block per non-empty Keep a Changelog section in {@link ChangeKind} order.
 *
 * <p>An entry is rendered {@code - description}, preceded by {@code **BREAKING** } when breaking
 * and by {@code **scope:** } when it has a scope, e.g. {@code - **BREAKING** **api:** drop v1
 * routes}. A note is an italic block right under the heading and replaces {@value
 * #NO_NOTABLE_CHANGES} when there are no entries.
 */
final class ChangelogSection {

  static final String NO_NOTABLE_CHANGES = "_No notable changes._";

  private ChangelogSection() {}

  /** The blocks of the section, none ending with a newline, to be separated by blank lines. */
  static List<String> blocks(ApplicationChangelog changelog) {
    List<String> blocks = new ArrayList<>();
    blocks.add(heading(changelog));
    if (changelog.note() != null) {
      blocks.add("_" + Markdown.singleLine(changelog.note()) + "_");
    }
    for (ChangeKind kind : ChangeKind.values()) {
      List<ChangelogEntry> entries =
          changelog.entries().stream().filter(entry -> entry.kind() == kind).toList();
      if (!entries.isEmpty()) {
        blocks.add(kindBlock(kind, entries));
      }
    }
    if (changelog.entries().isEmpty() && changelog.note() == null) {
      blocks.add(NO_NOTABLE_CHANGES);
    }
    return blocks;
  }

  private static String heading(ApplicationChangelog changelog) {
    return Markdown.singleLine(
        "## %s (%s → %s)"
            .formatted(changelog.application(), changelog.fromVersion(), changelog.toVersion()));
  }

  private static String kindBlock(ChangeKind kind, List<ChangelogEntry> entries) {
    return entries.stream()
        .map(ChangelogSection::line)
        .collect(Collectors.joining("\n", "**" + kind.heading() + "**\n", ""));
  }

  private static String line(ChangelogEntry entry) {
    StringBuilder line = new StringBuilder("- ");
    if (entry.breaking()) {
      line.append("**BREAKING** ");
    }
    if (entry.scope() != null) {
      line.append("**").append(entry.scope()).append(":** ");
    }
    return line.append(Markdown.singleLine(entry.description())).toString();
  }
}
