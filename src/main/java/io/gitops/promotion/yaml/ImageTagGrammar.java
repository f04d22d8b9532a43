package io.gitops.promotion.yaml;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The values a registry accepts as an image reference's tag or digest, so that a value no registry
 * would take ({@code latest build}, {@code #1}, {@code {a: b}}, 200,000 characters) is refused
 * instead of copied into the next environment. Tags follow the OCI distribution grammar: {@code
 * [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}}. Digests are {@code sha256:} and 64 lower-case hex digits, the
 * only algorithm registries use in practice (OCI requires lower case for it).
 *
 * <p>Problems are phrased for a person and name the value (shortened and with control characters
 * escaped), not the application: the caller says which application and file.
 */
public final class ImageTagGrammar {

  /** The OCI distribution specification's tag: at most 128 characters. */
  public static final String TAG_PATTERN = "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}";

  /** A SHA-256 content digest as registries write it. */
  public static final String DIGEST_PATTERN = "sha256:[a-f0-9]{64}";

  private static final Pattern TAG = Pattern.compile(TAG_PATTERN);
  private static final Pattern DIGEST = Pattern.compile(DIGEST_PATTERN);
  private static final Pattern ANY_CASE_DIGEST = Pattern.compile("(?i)sha256:[a-f0-9]{64}");

  /** The OCI grammar of a digest's algorithm part, to tell a digest meant from a broken tag. */
  private static final Pattern ALGORITHM_PREFIX = Pattern.compile("^[a-z0-9]+([+._-][a-z0-9]+)*:");

  private static final int SHOWN = 60;

  private ImageTagGrammar() {}

  /** Why the value is not an OCI tag; empty when it is one. */
  public static Optional<String> problem(String tag) {
    if (tag == null || tag.isEmpty()) {
      return Optional.of("the tag is empty");
    }
    if (TAG.matcher(tag).matches()) {
      return Optional.empty();
    }
    if (tag.length() > 128) {
      return Optional.of(
          "the tag "
              + shown(tag)
              + " is "
              + tag.length()
              + " characters long; a tag has at most 128");
    }
    return Optional.of(
        "the tag "
            + shown(tag)
            + " is not a valid image tag (letters, digits,"
            + " '_', '.' and '-', not starting with '.' or '-', at most 128 characters)");
  }

  /**
   * Why the value is neither an OCI tag, nor a digest ({@code sha256:<64 hex>}), nor a tag pinned
   * to a digest ({@code 1.5.0@sha256:<64 hex>}); empty when it is one of them.
   */
  public static Optional<String> problemWithDigest(String value) {
    if (value == null || value.indexOf('@') < 0 && !ALGORITHM_PREFIX.matcher(value).find()) {
      return problem(value);
    }
    int at = value.indexOf('@');
    String digest = at < 0 ? value : value.substring(at + 1);
    if (!DIGEST.matcher(digest).matches()) {
      String why =
          ANY_CASE_DIGEST.matcher(digest).matches()
              ? "the hex digits must be lower case"
              : "a digest is 'sha256:' followed by 64 hex digits";
      return Optional.of("the digest " + shown(digest) + " is not valid: " + why);
    }
    return at < 0 ? Optional.empty() : problem(value.substring(0, at));
  }

  /** The value in quotes, cut to a readable length, control characters escaped. */
  private static String shown(String value) {
    StringBuilder shown = new StringBuilder("'");
    value
        .codePoints()
        .limit(SHOWN)
        .forEach(
            c ->
                shown.append(
                    Character.isISOControl(c)
                        ? String.format("\\u%04X", c)
                        : Character.toString(c)));
    return shown.append(value.codePointCount(0, value.length()) > SHOWN ? "...'" : "'").toString();
  }
}
