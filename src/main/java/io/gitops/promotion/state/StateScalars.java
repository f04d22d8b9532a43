package io.gitops.promotion.state;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes the keys and values of a state entry as YAML scalars in the plain style of the
 * specification's example: plain when a YAML 1.1 or 1.2 reader reads the plain text back as the
 * same string, double-quoted otherwise ({@code "1.10"}, {@code "2026-04-01T12:00:00Z"}, {@code
 * "true"}), and {@code ~} for null. The plain-or-quoted rule mirrors {@code
 * io.gitops.promotion.yaml.PlainScalarSafety}, which the overlays use and which is not visible from
 * this package: a string stays plain only when it is made of the characters of an image tag, starts
 * with a letter, digit or underscore, and is not a null, boolean, number or timestamp.
 */
final class StateScalars {

  private static final Pattern TAG_CHARACTERS = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]*");
  private static final Set<String> KEYWORDS =
      Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null");
  private static final Pattern NUMBER =
      Pattern.compile(
          "[0-9][0-9_]*(\\.[0-9_]*)?([eE]-?[0-9_]+)?|0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt].*)?");

  private StateScalars() {}

  /** The scalar's text: plain when that reads back as the same string, else double-quoted. */
  static String write(String value) {
    if (value == null) {
      return "~";
    }
    return canBePlain(value) ? value : doubleQuoted(value);
  }

  static boolean canBePlain(String value) {
    return TAG_CHARACTERS.matcher(value).matches()
        && !KEYWORDS.contains(value.toLowerCase(Locale.ROOT))
        && !NUMBER.matcher(value).matches()
        && !DATE.matcher(value).matches();
  }

  private static String doubleQuoted(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    value
        .codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                  if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || c == 0xFEFF) {
                    out.append(String.format("\\u%04X", c));
                  } else {
                    out.appendCodePoint(c);
                  }
                }
              }
            });
    return out.append('"').toString();
  }
}
