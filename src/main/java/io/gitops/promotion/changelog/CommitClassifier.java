package io.gitops.promotion.changelog;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides what a commit means for the release notes, by the Conventional Commits rules.
 *
 * <ul>
 *   <li>{@code feat} is Added, {@code fix} is Fixed, {@code revert} is Removed, {@code refactor},
 *       {@code perf} and every other type is Changed.
 *   <li>A removal is Removed: a commit of any type but {@code fix} whose description starts with
 *       the word remove, drop or delete (or removes, removed, removing, ...). Only the whole word
 *       counts, so {@code feat: dropdown for locales} stays Added.
 *   <li>{@code !} before the colon, or a body line starting with {@code BREAKING CHANGE:} or {@code
 *       BREAKING-CHANGE:} (upper case, as the specification requires), marks the entry breaking.
 *   <li>Merge commits and the types {@code chore}, {@code ci}, {@code docs}, {@code test}, {@code
 *       style} and {@code build} are left out, unless the latter are breaking: a breaking change is
 *       never hidden from the release notes.
 *   <li>A title that is not a Conventional Commits header is kept rather than lost: it is Changed
 *       (or Removed when it starts with a removal word) and its description is the whole title. A
 *       title of the form {@code Revert "..."}, as {@code git revert} writes it, is Removed, unless
 *       the reverted title itself would be left out.
 *   <li>A commit with nothing to say (empty description) is left out.
 * </ul>
 *
 * <p>Pure and stateless.
 */
public final class CommitClassifier {

  private static final Set<String> EXCLUDED_TYPES =
      Set.of("chore", "ci", "docs", "test", "style", "build");
  private static final Pattern REMOVAL_WORD =
      Pattern.compile("(remov|delet)(e|es|ed|ing)|drop(s|ped|ping)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern MERGE_TITLE =
      Pattern.compile(
          "(Merge branch|Merge remote-tracking branch|Merge pull request|Merge request)\\b.*",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern GIT_REVERT_TITLE = Pattern.compile("Revert \"(?<reverted>.*)\"");
  private static final Pattern BREAKING_FOOTER =
      Pattern.compile("^\\s*BREAKING[ -]CHANGE:", Pattern.MULTILINE);

  /** Returns the changelog entry of a commit, or empty when the commit does not belong there. */
  public Optional<ChangelogEntry> classify(CommitMessage commit) {
    String title = firstLine(commit.title());
    if (commit.parentCount() > 1 || MERGE_TITLE.matcher(title).matches()) {
      return Optional.empty();
    }
    boolean breakingFooter = BREAKING_FOOTER.matcher(commit.message()).find();
    Optional<ConventionalTitle> header = ConventionalTitle.parse(title);
    if (header.isPresent()) {
      return fromHeader(header.get(), breakingFooter);
    }
    return fromPlainTitle(title, breakingFooter);
  }

  /** Classifies commits in order, leaving out those that do not belong in a changelog. */
  public List<ChangelogEntry> classifyAll(List<CommitMessage> commits) {
    return commits.stream().map(this::classify).flatMap(Optional::stream).toList();
  }

  private static Optional<ChangelogEntry> fromHeader(ConventionalTitle header, boolean footer) {
    boolean breaking = header.breaking() || footer;
    if (header.description().isEmpty() || isExcluded(header.type(), breaking)) {
      return Optional.empty();
    }
    ChangeKind kind = kindOf(header.type(), header.description());
    return Optional.of(new ChangelogEntry(kind, header.description(), breaking, header.scope()));
  }

  private static Optional<ChangelogEntry> fromPlainTitle(String title, boolean breaking) {
    if (title.isEmpty()) {
      return Optional.empty();
    }
    Matcher revert = GIT_REVERT_TITLE.matcher(title);
    if (revert.matches()) {
      return revertsSomethingNotable(revert.group("reverted"))
          ? Optional.of(new ChangelogEntry(ChangeKind.REMOVED, title, breaking, null))
          : Optional.empty();
    }
    ChangeKind kind = startsWithRemoval(title) ? ChangeKind.REMOVED : ChangeKind.CHANGED;
    return Optional.of(new ChangelogEntry(kind, title, breaking, null));
  }

  private static boolean revertsSomethingNotable(String revertedTitle) {
    return ConventionalTitle.parse(revertedTitle)
        .map(reverted -> !isExcluded(reverted.type(), reverted.breaking()))
        .orElse(true);
  }

  private static boolean isExcluded(String type, boolean breaking) {
    return EXCLUDED_TYPES.contains(type) && !breaking;
  }

  private static ChangeKind kindOf(String type, String description) {
    boolean removal = startsWithRemoval(description);
    return switch (type) {
      case "fix" -> ChangeKind.FIXED;
      case "revert" -> ChangeKind.REMOVED;
      case "feat" -> removal ? ChangeKind.REMOVED : ChangeKind.ADDED;
      default -> removal ? ChangeKind.REMOVED : ChangeKind.CHANGED;
    };
  }

  private static boolean startsWithRemoval(String description) {
    String firstWord = description.split("[^\\p{L}]", 2)[0];
    return REMOVAL_WORD.matcher(firstWord).matches();
  }

  private static String firstLine(String title) {
    return title.lines().findFirst().orElse("").strip();
  }
}
