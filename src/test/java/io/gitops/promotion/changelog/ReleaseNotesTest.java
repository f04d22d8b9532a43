package io.gitops.promotion.changelog;

import static io.gitops.promotion.changelog.ChangeKind.ADDED;
import static io.gitops.promotion.changelog.ChangeKind.CHANGED;
import static io.gitops.promotion.changelog.ChangeKind.FIXED;
import static io.gitops.promotion.changelog.ChangeKind.REMOVED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseNotesTest {

  private static final String HEADING = "Promotion: app [DEV] v2.0.0 → [TST] v1.0.0";
  private static final List<ReleasedApplication> ONE_SERVICE =
      List.of(new ReleasedApplication("web", "app", "1.0.0", "2.0.0"));
  private static final String PREAMBLE =
      """
      Promotion: app [DEV] v2.0.0 → [TST] v1.0.0

      # Services

      | Service | App | Previous | New |
      |---|---|---|---|
      | web | app | 1.0.0 | 2.0.0 |

      # Changelog

      """;

  private static ChangelogEntry entry(ChangeKind kind, String description) {
    return new ChangelogEntry(kind, description, false, null);
  }

  private static String render(ChangelogEntry... entries) {
    return ReleaseNotes.render(
        HEADING,
        ONE_SERVICE,
        List.of(new ApplicationChangelog("app", "1.0.0", "2.0.0", List.of(entries))));
  }

  @Test
  void sectionsFollowKeepAChangelogOrderAndEntriesKeepTheirOrder() {
    String notes =
        render(
            entry(REMOVED, "drop v1"),
            entry(FIXED, "fix b"),
            entry(ADDED, "add a"),
            entry(CHANGED, "tune c"),
            entry(FIXED, "fix a"));

    assertThat(notes)
        .isEqualTo(
            PREAMBLE
                + """
                ## app (1.0.0 → 2.0.0)

                **Added**
                - add a

                **Changed**
                - tune c

                **Fixed**
                - fix b
                - fix a

                **Removed**
                - drop v1
                """);
  }

  @Test
  void applicationWithoutEntriesSaysNoNotableChanges() {
    assertThat(render()).isEqualTo(PREAMBLE + "## app (1.0.0 → 2.0.0)\n\n_No notable changes._\n");
  }

  @Test
  void anUnavailableChangelogShowsItsNoteInsteadOfNoNotableChanges() {
    String notes =
        ReleaseNotes.render(
            HEADING,
            ONE_SERVICE,
            List.of(
                ApplicationChangelog.unavailable(
                    "app", "1.0.0", "2.0.0", "No changelog: tag v1.0.0 is not in project 7.")));

    assertThat(notes)
        .isEqualTo(
            PREAMBLE
                + "## app (1.0.0 → 2.0.0)\n\n_No changelog: tag v1.0.0 is not in project 7._\n");
  }

  @Test
  void aNoteStandsBetweenTheHeadingAndTheEntries() {
    String notes =
        ReleaseNotes.render(
            HEADING,
            ONE_SERVICE,
            List.of(
                new ApplicationChangelog(
                    "app", "1.0.0", "2.0.0", List.of(entry(ADDED, "add a")), "Up to v2.0.0.")));

    assertThat(notes)
        .isEqualTo(PREAMBLE + "## app (1.0.0 → 2.0.0)\n\n_Up to v2.0.0._\n\n**Added**\n- add a\n");
  }

  @Test
  void noChangelogSaysWhy() {
    assertThat(ReleaseNotes.render(HEADING, ONE_SERVICE, List.of()))
        .isEqualTo(PREAMBLE + "_No changelog: no promoted application has a gitlabProjectId._\n");
  }

  @Test
  void breakingEntryIsMarked() {
    assertThat(render(new ChangelogEntry(ADDED, "require login", true, null)))
        .endsWith("**Added**\n- **BREAKING** require login\n");
  }

  @Test
  void scopeIsShownInBoldBeforeTheDescription() {
    assertThat(render(new ChangelogEntry(FIXED, "keep items", false, "cart")))
        .endsWith("**Fixed**\n- **cart:** keep items\n");
  }

  @Test
  void breakingMarkComesBeforeTheScope() {
    assertThat(render(new ChangelogEntry(REMOVED, "drop /v1", true, "api")))
        .endsWith("**Removed**\n- **BREAKING** **api:** drop /v1\n");
  }

  @Test
  void multiLineDescriptionStaysOneListItem() {
    assertThat(render(entry(CHANGED, "tune pool\nand threads")))
        .endsWith("- tune pool and threads\n");
  }

  @Test
  void pipesInTableCellsAreEscaped() {
    String notes =
        ReleaseNotes.render(
            HEADING,
            List.of(new ReleasedApplication("web|api", "app", "1.0|rc", "2.0.0")),
            List.of());

    assertThat(notes).contains("| web\\|api | app | 1.0\\|rc | 2.0.0 |\n");
  }

  @Test
  void missingPreviousTagIsShownAsNone() {
    String notes =
        ReleaseNotes.render(
            HEADING,
            List.of(new ReleasedApplication("worker", "app-worker", null, "1.0.0")),
            List.of());

    assertThat(notes).contains("| worker | app-worker | (none) | 1.0.0 |\n");
  }

  @Test
  void noServicesLeavesTheTableHeaderOnly() {
    assertThat(ReleaseNotes.render(HEADING, List.of(), List.of()))
        .contains(
            "# Services\n\n| Service | App | Previous | New |\n|---|---|---|---|\n\n# Changelog");
  }

  @Test
  void textEndsWithExactlyOneNewlineWhateverTheHeading() {
    String notes = ReleaseNotes.render(HEADING + "\n\n", ONE_SERVICE, List.of());

    assertThat(notes).startsWith(HEADING + "\n\n# Services").endsWith("gitlabProjectId._\n");
    assertThat(notes).doesNotEndWith("\n\n");
  }

  @Test
  void sameInputGivesSameText() {
    assertThat(render(entry(ADDED, "add a"))).isEqualTo(render(entry(ADDED, "add a")));
  }
}
