package io.gitops.promotion.yaml;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a string may be written as a plain (unquoted) YAML scalar and still be read back
 * as that same string, both by YAML 1.2 core-schema readers and by YAML 1.1 readers such as Helm's
 * go-yaml. It is deliberately conservative: a string passes only when it is made of the characters
 * of a container image tag ({@code [A-Za-z0-9_.-]}), starts with a letter, digit or underscore, and
 * does not resolve to a null, boolean, number or timestamp under either version. Quoting a string
 * that did not need it is harmless; leaving one plain that needed quotes changes its type.
 */
public final class PlainScalarSafety {

  private static final Pattern TAG_CHARACTERS = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]*");

  /** YAML 1.1 booleans and YAML 1.1/1.2 nulls, compared ignoring case. */
  private static final Set<String> KEYWORDS =
      Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null");

  private static final Pattern NUMBER =
      Pattern.compile(
          "[0-9][0-9_]*(\\.[0-9_]*)?([eE]-?[0-9_]+)?" // int, YAML 1.1 octal, float, 1e3
              + "|0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+");

  /** YAML 1.1 timestamps; the forms with a time of day contain ':' and are quoted anyway. */
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt].*)?");

  private PlainScalarSafety() {}

  /** An image reference or digest: tag characters plus '/', ':' and '@', never ending in ':'. */
  private static final Pattern REFERENCE =
      Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-/:@]*[A-Za-z0-9_]");

  /** YAML 1.1 sexagesimal numbers ({@code 1:30}), the only numbers with ':' in them. */
  private static final Pattern SEXAGESIMAL =
      Pattern.compile("[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?");

  /**
   * Whether an image reference or digest such as {@code sha256:<hex>}, {@code 1.5.0@sha256:<hex>}
   * or {@code harbor.example.com/shop/web} may be written plain: besides what {@link #canBePlain}
   * allows, '/', ':' and '@' inside the value, which neither YAML version reads as anything but
   * text there (a ':' is an indicator only before a space).
   */
  public static boolean canBePlainReference(String value) {
    return canBePlain(value)
        || value.matches(".*[/:@].*")
            && REFERENCE.matcher(value).matches()
            && !SEXAGESIMAL.matcher(value).matches();
  }

  public static boolean canBePlain(String value) {
    return TAG_CHARACTERS.matcher(value).matches()
        && !KEYWORDS.contains(value.toLowerCase(Locale.ROOT))
        && !NUMBER.matcher(value).matches()
        && !DATE.matcher(value).matches();
  }
}
