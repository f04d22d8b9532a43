package io.gitops.promotion.changelog;

import static io.gitops.promotion.changelog.ChangeKind.ADDED;
import static io.gitops.promotion.changelog.ChangeKind.CHANGED;
import static io.gitops.promotion.changelog.ChangeKind.FIXED;
import static io.gitops.promotion.changelog.ChangeKind.REMOVED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommitClassifierTest {

  private final CommitClassifier classifier = new CommitClassifier();

  private Optional<ChangelogEntry> classify(String title) {
    return classify(title, title);
  }

  private Optional<ChangelogEntry> classify(String title, String message) {
    return classifier.classify(new CommitMessage("0a1b2c3", title, message, 1));
  }

  private static Optional<ChangelogEntry> entry(ChangeKind kind, String description) {
    return Optional.of(new ChangelogEntry(kind, description, false, null));
  }

  private static Optional<ChangelogEntry> breaking(ChangeKind kind, String description) {
    return Optional.of(new ChangelogEntry(kind, description, true, null));
  }

  @Nested
  class Kinds {

    @Test
    void featIsAdded() {
      assertThat(classify("feat: add user dashboard"))
          .isEqualTo(entry(ADDED, "add user dashboard"));
    }

    @Test
    void fixIsFixed() {
      assertThat(classify("fix: resolve login timeout"))
          .isEqualTo(entry(FIXED, "resolve login timeout"));
    }

    @Test
    void refactorIsChanged() {
      assertThat(classify("refactor: split order service"))
          .isEqualTo(entry(CHANGED, "split order service"));
    }

    @Test
    void perfIsChanged() {
      assertThat(classify("perf: cache exchange rates"))
          .isEqualTo(entry(CHANGED, "cache exchange rates"));
    }

    @Test
    void unknownTypeIsChanged() {
      assertThat(classify("security: rotate signing keys"))
          .isEqualTo(entry(CHANGED, "rotate signing keys"));
    }

    @Test
    void revertIsRemoved() {
      assertThat(classify("revert: add user dashboard"))
          .isEqualTo(entry(REMOVED, "add user dashboard"));
    }
  }

  @Nested
  class Removals {

    @Test
    void featThatRemovesIsRemoved() {
      assertThat(classify("feat: remove legacy login"))
          .isEqualTo(entry(REMOVED, "remove legacy login"));
    }

    @Test
    void refactorThatDropsIsRemoved() {
      assertThat(classify("refactor: drop jQuery")).isEqualTo(entry(REMOVED, "drop jQuery"));
    }

    @Test
    void otherTypeThatDeletesIsRemoved() {
      assertThat(classify("perf: delete unused cache"))
          .isEqualTo(entry(REMOVED, "delete unused cache"));
    }

    @Test
    void removalWordIsCaseInsensitive() {
      assertThat(classify("feat: Remove legacy login"))
          .isEqualTo(entry(REMOVED, "Remove legacy login"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"removes", "removed", "removing", "drops", "dropped", "DELETED"})
    void inflectedRemovalWordIsRemoval(String word) {
      assertThat(classify("feat: " + word + " the v1 API"))
          .isEqualTo(entry(REMOVED, word + " the v1 API"));
    }

    @Test
    void removalWordFollowedByPunctuationIsRemoval() {
      assertThat(classify("refactor: remove-unused helpers"))
          .isEqualTo(entry(REMOVED, "remove-unused helpers"));
    }

    @Test
    void wordThatOnlyStartsWithDropIsNotRemoval() {
      assertThat(classify("feat: dropdown for locales"))
          .isEqualTo(entry(ADDED, "dropdown for locales"));
    }

    @Test
    void removalWordLaterInDescriptionIsNotRemoval() {
      assertThat(classify("feat: allow users to remove avatars"))
          .isEqualTo(entry(ADDED, "allow users to remove avatars"));
    }

    @Test
    void fixThatRemovesStaysFixed() {
      assertThat(classify("fix: remove duplicate toast"))
          .isEqualTo(entry(FIXED, "remove duplicate toast"));
    }
  }

  @Nested
  class Breaking {

    @Test
    void bangAfterTypeIsBreaking() {
      assertThat(classify("feat!: require login")).isEqualTo(breaking(ADDED, "require login"));
    }

    @Test
    void bangAfterScopeIsBreaking() {
      assertThat(classify("feat(api)!: paginate orders"))
          .contains(new ChangelogEntry(ADDED, "paginate orders", true, "api"));
    }

    @Test
    void fixWithBangIsBreakingFix() {
      assertThat(classify("fix!: reject empty tags"))
          .isEqualTo(breaking(FIXED, "reject empty tags"));
    }

    @Test
    void breakingChangeFooterIsBreaking() {
      String message =
          "feat: paginate orders\n\nPages hold 50 orders.\n\nBREAKING CHANGE: page is required";
      assertThat(classify("feat: paginate orders", message))
          .isEqualTo(breaking(ADDED, "paginate orders"));
    }

    @Test
    void hyphenatedBreakingChangeFooterIsBreaking() {
      String message = "refactor: rename env vars\n\nBREAKING-CHANGE: APP_PORT is now PORT";
      assertThat(classify("refactor: rename env vars", message))
          .isEqualTo(breaking(CHANGED, "rename env vars"));
    }

    @Test
    void lowerCaseBreakingChangeLineIsNotBreaking() {
      String message = "feat: paginate orders\n\nbreaking change: none";
      assertThat(classify("feat: paginate orders", message))
          .isEqualTo(entry(ADDED, "paginate orders"));
    }

    @Test
    void breakingChangeInsideSentenceIsNotBreaking() {
      String message = "feat: paginate orders\n\nThis is not a BREAKING CHANGE: old clients work.";
      assertThat(classify("feat: paginate orders", message))
          .isEqualTo(entry(ADDED, "paginate orders"));
    }

    @Test
    void nonConventionalCommitWithBreakingFooterIsBreaking() {
      String message = "Rework configuration\n\nBREAKING CHANGE: config.yaml is gone";
      assertThat(classify("Rework configuration", message))
          .isEqualTo(breaking(CHANGED, "Rework configuration"));
    }

    @Test
    void breakingRemovalIsBreakingAndRemoved() {
      assertThat(classify("feat(api)!: drop /v1 routes"))
          .contains(new ChangelogEntry(REMOVED, "drop /v1 routes", true, "api"));
    }
  }

  @Nested
  class Scopes {

    @Test
    void scopeIsCapturedWithoutParentheses() {
      assertThat(classify("fix(cart): keep items after login"))
          .contains(new ChangelogEntry(FIXED, "keep items after login", false, "cart"));
    }

    @Test
    void scopeIsTrimmed() {
      assertThat(classify("fix( cart ): keep items")).map(ChangelogEntry::scope).contains("cart");
    }

    @Test
    void emptyScopeIsAbsent() {
      assertThat(classify("fix(): keep items")).isEqualTo(entry(FIXED, "keep items"));
    }

    @Test
    void scopeListIsKeptAsWritten() {
      assertThat(classify("feat(api,ui): dark mode")).map(ChangelogEntry::scope).contains("api,ui");
    }
  }

  @Nested
  class TitleForms {

    @Test
    void upperCaseTypeIsRecognised() {
      assertThat(classify("FEAT: add export")).isEqualTo(entry(ADDED, "add export"));
    }

    @Test
    void capitalisedTypeIsRecognised() {
      assertThat(classify("Fix: resolve crash")).isEqualTo(entry(FIXED, "resolve crash"));
    }

    @Test
    void surroundingWhitespaceIsTrimmed() {
      assertThat(classify("  fix:   resolve crash  ")).isEqualTo(entry(FIXED, "resolve crash"));
    }

    @Test
    void descriptionIsKeptAsWritten() {
      assertThat(classify("feat: Add CSV export (#123)"))
          .isEqualTo(entry(ADDED, "Add CSV export (#123)"));
    }

    @Test
    void onlyTheFirstLineOfTheTitleCounts() {
      assertThat(classify("fix: resolve crash\n\nlong body"))
          .isEqualTo(entry(FIXED, "resolve crash"));
    }

    @Test
    void typeWithoutDescriptionIsLeftOut() {
      assertThat(classify("fix:")).isEmpty();
    }

    @Test
    void typeWithBlankDescriptionIsLeftOut() {
      assertThat(classify("feat(api)!:   ")).isEmpty();
    }

    @Test
    void colonWithoutSpaceIsNotAHeader() {
      assertThat(classify("fix:typo")).isEqualTo(entry(CHANGED, "fix:typo"));
    }

    @Test
    void spaceBeforeColonIsNotAHeader() {
      assertThat(classify("fix : typo")).isEqualTo(entry(CHANGED, "fix : typo"));
    }

    @Test
    void blankTitleIsLeftOut() {
      assertThat(classify("   ")).isEmpty();
    }
  }

  @Nested
  class Exclusions {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "chore: bump deps",
          "ci: cache maven",
          "docs: fix typo",
          "test: cover login",
          "style: format",
          "build: use Java 17",
          "CHORE: bump deps",
          "chore(deps): bump react"
        })
    void excludedTypeIsLeftOut(String title) {
      assertThat(classify(title)).isEmpty();
    }

    @Test
    void breakingExcludedTypeIsKept() {
      assertThat(classify("build!: require Java 21"))
          .isEqualTo(breaking(CHANGED, "require Java 21"));
    }

    @Test
    void excludedTypeWithBreakingFooterIsKept() {
      String message = "ci: publish to new registry\n\nBREAKING CHANGE: images move to ghcr.io";
      assertThat(classify("ci: publish to new registry", message))
          .isEqualTo(breaking(CHANGED, "publish to new registry"));
    }

    @Test
    void commitWithTwoParentsIsLeftOut() {
      assertThat(classifier.classify(new CommitMessage("abc", "feat: add x", "feat: add x", 2)))
          .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "Merge branch 'feature/x' into 'main'",
          "Merge remote-tracking branch 'origin/main'",
          "Merge pull request #12 from acme/x",
          "Merge request !34: add dashboard",
          "merge branch 'main'"
        })
    void mergeTitleIsLeftOut(String title) {
      assertThat(classify(title)).isEmpty();
    }

    @Test
    void titleThatOnlyStartsLikeAMergeIsKept() {
      assertThat(classify("Merge requests list shows authors"))
          .isEqualTo(entry(CHANGED, "Merge requests list shows authors"));
    }
  }

  @Nested
  class NonConventional {

    @Test
    void plainTitleIsChangedWithTheWholeTitle() {
      assertThat(classify("Tune connection pool"))
          .isEqualTo(entry(CHANGED, "Tune connection pool"));
    }

    @Test
    void titleWithColonAfterSeveralWordsIsPlain() {
      assertThat(classify("Update README: typo")).isEqualTo(entry(CHANGED, "Update README: typo"));
    }

    @Test
    void ticketPrefixIsNotAType() {
      assertThat(classify("JIRA-123: fix login")).isEqualTo(entry(CHANGED, "JIRA-123: fix login"));
    }

    @Test
    void plainRemovalIsRemoved() {
      assertThat(classify("Remove legacy endpoint"))
          .isEqualTo(entry(REMOVED, "Remove legacy endpoint"));
    }

    @Test
    void gitRevertTitleIsRemoved() {
      assertThat(classify("Revert \"feat: add wishlist\""))
          .isEqualTo(entry(REMOVED, "Revert \"feat: add wishlist\""));
    }

    @Test
    void gitRevertOfPlainTitleIsRemoved() {
      assertThat(classify("Revert \"Tune connection pool\""))
          .isEqualTo(entry(REMOVED, "Revert \"Tune connection pool\""));
    }

    @Test
    void gitRevertOfExcludedCommitIsLeftOut() {
      assertThat(classify("Revert \"chore: bump deps\"")).isEmpty();
    }
  }

  @Test
  void classifyAllKeepsCompareOrderAndLeavesOutTheRest() {
    List<CommitMessage> commits =
        List.of(
            new CommitMessage("1", "feat: add user dashboard", "", 1),
            new CommitMessage("2", "Merge branch 'x' into 'main'", "", 2),
            new CommitMessage("3", "docs: explain tags", "", 1),
            new CommitMessage("4", "fix: resolve login timeout", "", 1));

    assertThat(classifier.classifyAll(commits))
        .containsExactly(
            new ChangelogEntry(ADDED, "add user dashboard", false, null),
            new ChangelogEntry(FIXED, "resolve login timeout", false, null));
  }
}
