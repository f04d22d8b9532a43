package io.gitops.promotion.changelog;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of a Conventional Commits title, {@code type(scope)!: description}, split into its
 * parts.
 *
 * <p>The type is one word of letters, so {@code JIRA-123: fix login} or {@code Update README: typo}
 * are not headers. The colon must be followed by whitespace or end the title, as the specification
 * requires; {@code fix:typo} is not a header either.
 *
 * @param type the type in lower case
 * @param scope the scope without parentheses and surrounding blanks, or {@code null} when absent or
 *     blank
 * @param breaking whether {@code !} follows the type or scope
 * @param description the text after the colon, trimmed; may be empty
 */
record ConventionalTitle(String type, String scope, boolean breaking, String description) {

  private static final Pattern HEADER =
      Pattern.compile(
          "(?<type>[A-Za-z]+)(?:\\((?<scope>[^()]*)\\))?(?<bang>!)?:(?:\\s+(?<description>.*))?");

  /** Parses a single-line title, or returns empty when it is not a Conventional Commits header. */
  static Optional<ConventionalTitle> parse(String title) {
    Matcher header = HEADER.matcher(title.strip());
    if (!header.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new ConventionalTitle(
            header.group("type").toLowerCase(Locale.ROOT),
            blankToNull(header.group("scope")),
            header.group("bang") != null,
            header.group("description") == null ? "" : header.group("description").strip()));
  }

  private static String blankToNull(String scope) {
    return scope == null || scope.isBlank() ? null : scope.strip();
  }
}
