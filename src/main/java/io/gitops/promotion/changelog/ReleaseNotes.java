package io.gitops.promotion.changelog;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders the description of the GitLab release created by a DEV promotion: the heading line, the
 * {@code # Services} table and the {@code # Changelog} of every application that has one.
 *
 * <p>Blocks are separated by one blank line and the text ends with exactly one newline, so the same
 * input always gives the same bytes.
 */
public final class ReleaseNotes {

  static final String NO_CHANGELOG =
      "_No changelog: no promoted application has a gitlabProjectId._";

  private ReleaseNotes() {}

  /**
   * Renders the release description.
   *
   * @param heading the first line, e.g. {@code Promotion: tbd-test [DEV] v1.5.0 → [TST] v1.3.0}
   * @param services the promoted applications, one table row each, in the order given
   * @param changelogs the changelogs of the applications that have a GitLab project, in the order
   *     given
   */
  public static String render(
      String heading, List<ReleasedApplication> services, List<ApplicationChangelog> changelogs) {
    List<String> blocks = new ArrayList<>();
    blocks.add(Markdown.singleLine(heading));
    blocks.add("# Services");
    blocks.add(ServicesTable.render(services));
    blocks.addAll(changelogBlocks(changelogs));
    return String.join("\n\n", blocks) + "\n";
  }

  /**
   * The {@code # Changelog} part of the release description alone, ending with one newline: what a
   * merge request shows of the release it leads to.
   */
  public static String changelog(List<ApplicationChangelog> changelogs) {
    return String.join("\n\n", changelogBlocks(changelogs)) + "\n";
  }

  private static List<String> changelogBlocks(List<ApplicationChangelog> changelogs) {
    List<String> blocks = new ArrayList<>();
    blocks.add("# Changelog");
    if (changelogs.isEmpty()) {
      blocks.add(NO_CHANGELOG);
    }
    changelogs.forEach(changelog -> blocks.addAll(ChangelogSection.blocks(changelog)));
    return blocks;
  }
}
